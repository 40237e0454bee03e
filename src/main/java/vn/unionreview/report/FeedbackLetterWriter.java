package vn.unionreview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.unionreview.Digests;
import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.Csv;
import vn.unionreview.ingest.Severity;
import vn.unionreview.rules.RuleSet;

/**
 * Writes the letters back to branches (công văn) under {@code feedback/}, one PDF a branch, in the
 * official layout, and {@code feedback/index.csv} listing them. Vietnamese only: they are sent to the
 * branches. The same run gives the same bytes (fonts are subset under tags derived from their names).
 */
public final class FeedbackLetterWriter {

    public static final String FOLDER = "feedback";
    private final RuleSet rules;
    private final ReportSettings settings;
    private final FeedbackSettings feedback;
    private final Labels labels = new Labels("vi");
    private final OfficialLayout layout;
    private final LocalDate date;
    private final String runName;

    public FeedbackLetterWriter(RuleSet rules, ReportSettings settings, FeedbackSettings feedback, ReportFonts fonts, LocalDate date,
                                String runName) {
        this.rules = rules;
        this.settings = settings;
        this.feedback = feedback;
        this.date = date;
        this.runName = runName;
        this.layout = new OfficialLayout(settings, labels, fonts.subsetting(),
                settings.issuingBody() != null ? labels.text(settings.issuingBody()) : labels.text(rules.issuer()));
    }

    /**
     * A run's letters, handed out one at a time to whichever writer asks: at national size the export's
     * second thread starts on them and the first joins when its workbook is written. Each writer has
     * fonts of its own (OpenPDF's are not shared across threads); a letter's bytes do not depend on who
     * wrote it.
     */
    public static final class Queue {
        private final List<FeedbackLetters.Letter> letters;
        private final AtomicInteger next = new AtomicInteger();

        public Queue(List<FeedbackLetters.Letter> letters) {
            this.letters = List.copyOf(letters);
        }

        public int size() {
            return letters.size();
        }

        private FeedbackLetters.Letter take() {
            int i = next.getAndIncrement();
            return i < letters.size() ? letters.get(i) : null;
        }
    }

    /** Writes letters from the queue until none is left; a letter left from an earlier attempt of the run is replaced. */
    public void writeFrom(Path runDir, Queue queue) throws IOException {
        Path dir = runDir.resolve(FOLDER);
        Files.createDirectories(dir);
        for (FeedbackLetters.Letter letter = queue.take(); letter != null; letter = queue.take()) {
            byte[] pdf = pdf(letter);
            AtomicFiles.write(dir.resolve(letter.fileName()), out -> out.write(pdf));
        }
    }

    /** {@code feedback/index.csv}, in the queue's order, once every letter is written. */
    public static void writeIndex(Path runDir, Queue queue) throws IOException {
        List<List<String>> index = new ArrayList<>();
        for (FeedbackLetters.Letter letter : queue.letters) {
            index.add(List.of(letter.branch().code(), letter.branch().name(), letter.branch().bloc(),
                    Integer.toString(letter.items().size() + (letter.submitted() ? 0 : 1)), FOLDER + "/" + letter.fileName()));
        }
        Path dir = runDir.resolve(FOLDER);
        Files.createDirectories(dir);
        Csv.write(dir.resolve("index.csv"), List.of("code", "name", "bloc", "problems", "file"), index);
    }

    byte[] pdf(FeedbackLetters.Letter letter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = OfficialLayout.a4();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            // written by the thousand at national size: the fastest deflate level, like the letters' font subsets
            writer.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
            writer.setPageEvent(layout.pageNumbers());
            layout.fixMetadata(doc, writer, labels.get("letter.subject", rules.year()), "union-review",
                    runName + "/feedback/" + letter.branch().code());
            doc.open();
            OfficialLayout.fixDates(writer, date);
            layout.header(doc, feedback.documentNumber(), date, labels.get("letter.subject", rules.year()));
            Paragraph to = OfficialLayout.centered(labels.get("letter.to", addressee(letter.branch().name())),
                    layout.font(ReportFonts.Face.REGULAR, 14));
            to.setSpacingBefore(18);
            to.setSpacingAfter(10);
            doc.add(to);
            doc.add(layout.body(labels.get("letter.opening", rules.year(), layout.issuingBody(), letter.branch().code(), letter.branch().bloc())));
            boolean rejected = letter.items().stream().anyMatch(i -> i.severity() == Severity.REJECTED);
            if (letter.items().isEmpty()) {
                doc.add(layout.body(labels.get("letter.nothing", formatted(date))));
            } else {
                doc.add(layout.body(labels.get(!letter.submitted() ? "letter.notUsed" : rejected ? "letter.partly"
                        : letter.signalsOnly() ? "letter.review" : "letter.accepted")));
                doc.add(items(letter));
            }
            if (letter.provisional() != null) {
                String tier = labels.text(rules.tiers().get(rules.tierIndex(letter.provisional().tier())).title());
                doc.add(layout.body(labels.get("letter.provisional", labels.number(letter.provisional().total()), tier)));
            }
            String closing = letter.submitted() ? (letter.signalsOnly() ? "letter.answerBy" : "letter.checkBy")
                    : letter.items().isEmpty() ? "letter.sendBy" : "letter.resendBy";
            doc.add(layout.body(labels.get(closing, formatted(feedback.deadlineAfter(date)))));
            layout.signature(doc, List.of(labels.get("letter.recipient")));
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("the letter to " + letter.branch().code() + " could not be laid out: " + e.getMessage(), e);
        }
        return fixSubsetTags(out.toByteArray());
    }

    private PdfPTable items(FeedbackLetters.Letter letter) {
        PdfPTable table = layout.table(new float[] {7, 28, 35, 30}, labels.get("letter.table.no"), labels.get("letter.table.where"),
                labels.get("letter.table.what"), labels.get("letter.table.todo"));
        int n = 1;
        for (FeedbackLetters.Item item : letter.items()) {
            layout.text(table, Integer.toString(n++), Element.ALIGN_CENTER);
            layout.text(table, where(item), Element.ALIGN_LEFT);
            layout.text(table, item.what(), Element.ALIGN_LEFT);
            layout.text(table, item.todo(), Element.ALIGN_LEFT);
        }
        return table;
    }

    private String where(FeedbackLetters.Item item) {
        StringBuilder s = new StringBuilder(item.file());
        if (!item.sheet().isEmpty()) {
            s.append(", ").append(labels.get("letter.sheet", item.sheet()));
        }
        if (!item.cell().isEmpty()) {
            s.append(", ").append(labels.get("letter.cell", item.cell()));
        } else if (item.row() > 0) {
            s.append(", ").append(labels.get("letter.row", item.row()));
        }
        return s.toString();
    }

    /** "Ban Chấp hành Công đoàn Trường …": the registry name, with "công đoàn cơ sở" before it when it does not say so. */
    private static String addressee(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("công đoàn") ? name : "công đoàn cơ sở " + name;
    }

    private static String formatted(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /**
     * OpenPDF names each font subset with a random six-letter tag ("ABCDEF+LiberationSerif"); the tag is
     * replaced, byte for byte, by one derived from the font's name, so the same letter is the same file.
     * The tag stands only in the font dictionaries, which are not compressed. Every "/" + six capitals +
     * "+" + name is replaced, as the pattern {@code /[A-Z]{6}\+([A-Za-z0-9-]+)} would find them, in place:
     * written by the thousand, a letter is not copied into a string and back.
     */
    static byte[] fixSubsetTags(byte[] pdf) {
        Map<String, byte[]> tags = new HashMap<>();
        int i = 0;
        while (i < pdf.length - 8) {
            if (pdf[i] == '/' && capitals(pdf, i + 1) && pdf[i + 7] == '+' && nameByte(pdf[i + 8])) {
                int end = i + 9;
                while (end < pdf.length && nameByte(pdf[end])) {
                    end++;
                }
                String font = new String(pdf, i + 8, end - i - 8, StandardCharsets.US_ASCII);
                System.arraycopy(tags.computeIfAbsent(font, f -> tag(f).getBytes(StandardCharsets.US_ASCII)), 0, pdf, i + 1, 6);
                i = end;
            } else {
                i++;
            }
        }
        return pdf;
    }

    private static boolean capitals(byte[] pdf, int from) {
        for (int k = from; k < from + 6; k++) {
            if (pdf[k] < 'A' || pdf[k] > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean nameByte(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-';
    }

    private static String tag(String fontName) {
        String hex = Digests.sha256(fontName.getBytes(StandardCharsets.US_ASCII));
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) % 26));
        }
        return tag.toString();
    }
}
