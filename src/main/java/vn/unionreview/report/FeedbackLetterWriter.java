package vn.unionreview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.unionreview.VietnameseText;
import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.Csv;
import vn.unionreview.ingest.Severity;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.RunFile;

/**
 * Writes the letters back to branches (công văn) under {@code feedback/}, one PDF a branch, in the official layout, and
 * {@code feedback/index.csv} listing them. Vietnamese only: they are sent to the branches. The same run gives the same
 * bytes (fonts are subset under {@link SubsetTag tags} derived from their names).
 */
public final class FeedbackLetterWriter {

    /** The year's rule set, or in a year ruled by kind the first kind's: it names the year and its issuer. */
    private final RuleSet rules;
    /** Every rule set of the year: a letter names its branch's tier as its kind's rule set does. */
    private final List<RuleSet> kinds;

    private final ReportSettings settings;
    private final FeedbackSettings feedback;
    private final Labels labels = new Labels("vi");
    /**
     * Laid out in the faces cut to the letters' characters; {@link #wholeLayout}, for a letter with a character beyond
     * them.
     */
    private final OfficialLayout layout;

    private final OfficialLayout wholeLayout;
    private final LocalDate date;
    private final String runName;
    /** Whether the letters are a final run's: its results go to the council as they are, nothing is sent again. */
    private final boolean finalRun;

    public FeedbackLetterWriter(
            RuleSet rules,
            ReportSettings settings,
            FeedbackSettings feedback,
            ReportFonts fonts,
            LocalDate date,
            String runName,
            boolean finalRun) {
        this(List.of(rules), settings, feedback, fonts, date, runName, finalRun);
    }

    /**
     * @param kinds the year's rule sets, one per kind of branch in a year ruled by kind
     * @param finalRun whether the letters are a final run's rather than a validation run's
     */
    public FeedbackLetterWriter(
            List<RuleSet> kinds,
            ReportSettings settings,
            FeedbackSettings feedback,
            ReportFonts fonts,
            LocalDate date,
            String runName,
            boolean finalRun) {
        this.finalRun = finalRun;
        this.rules = kinds.get(0);
        this.kinds = List.copyOf(kinds);
        this.settings = settings;
        this.feedback = feedback;
        this.date = date;
        this.runName = runName;
        String issuingBody = OfficialLayout.issuingBody(settings, labels, rules);
        this.layout = new OfficialLayout(
                settings, labels, fonts.cutTo(repertoire(kinds, settings, feedback, issuingBody)), issuingBody);
        this.wholeLayout = new OfficialLayout(settings, labels, fonts.subsetting(), issuingBody);
    }

    /**
     * The characters a letter prints but for what a branch wrote: Vietnamese written with the Latin alphabet, the
     * punctuation of the letters' words, the words themselves, and the names from the rules and the settings.
     */
    private BitSet repertoire(
            List<RuleSet> kinds, ReportSettings settings, FeedbackSettings feedback, String issuingBody) {
        BitSet characters = new BitSet();
        for (int[] range : VIETNAMESE) {
            characters.set(range[0], range[1] + 1);
        }
        List<String> texts = new ArrayList<>(List.of(
                issuingBody,
                labels.text(settings.parentBody()),
                labels.text(settings.place()),
                labels.text(settings.signer().authority()),
                labels.text(settings.signer().title()),
                String.valueOf(settings.signer().name()),
                String.valueOf(settings.archive()),
                feedback.documentNumber()));
        kinds.forEach(kind -> kind.tiers().forEach(tier -> texts.add(labels.text(tier.title()))));
        // the header prints the parent body in capitals
        texts.forEach(text -> (text + text.toUpperCase(VietnameseText.VIETNAMESE))
                .codePoints()
                .forEach(characters::set));
        labels.characters().forEach(characters::set);
        return characters;
    }

    /**
     * Basic Latin, Latin-1, the Vietnamese letters beyond them (Ă Đ Ĩ Ũ Ơ Ư, Ạ…ỹ), their combining marks, dashes,
     * quotes, ₫ and №.
     */
    private static final int[][] VIETNAMESE = {
        {0x20, 0x7E},
        {0xA0, 0xFF},
        {0x102, 0x103},
        {0x110, 0x111},
        {0x128, 0x129},
        {0x168, 0x169},
        {0x1A0, 0x1A1},
        {0x1AF, 0x1B0},
        {0x300, 0x303},
        {0x309, 0x309},
        {0x323, 0x323},
        {0x1EA0, 0x1EF9},
        {0x2013, 0x2026},
        {0x20AB, 0x20AC},
        {0x2116, 0x2116}
    };

    /**
     * A run's letters, handed out one at a time to whichever writer asks: the export's letters step runs one writer a
     * core, all on one queue. Each writer has fonts of its own (OpenPDF's are not shared across threads); a letter's
     * bytes do not depend on who wrote it.
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

    /**
     * Writes letters from the queue until none is left; a letter left from an earlier attempt of the run is replaced.
     */
    public void writeFrom(Path runDir, Queue queue) throws IOException {
        Path dir = RunFile.LETTERS.in(runDir);
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
            index.add(List.of(
                    letter.branch().code(),
                    letter.branch().name(),
                    letter.branch().bloc(),
                    Integer.toString(letter.items().size() + (letter.submitted() ? 0 : 1)),
                    RunFile.LETTERS.fileName() + letter.fileName()));
        }
        Path dir = RunFile.LETTERS.in(runDir);
        Files.createDirectories(dir);
        Csv.write(RunFile.LETTER_INDEX.in(runDir), List.of("code", "name", "bloc", "problems", "file"), index);
    }

    byte[] pdf(FeedbackLetters.Letter letter) throws IOException {
        OfficialLayout layout = this.layout.fonts().draws(textOf(letter)) ? this.layout : wholeLayout;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = OfficialLayout.a4();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            // written by the thousand at national size: the fastest deflate level, like the letters' font subsets
            writer.setCompressionLevel(Deflater.BEST_SPEED);
            writer.setPageEvent(layout.pageNumbers());
            layout.fixMetadata(
                    doc,
                    writer,
                    labels.get("letter.subject", rules.year()),
                    "union-review",
                    runName + "/feedback/" + letter.branch().code());
            doc.open();
            OfficialLayout.fixDates(writer, date);
            layout.header(doc, feedback.documentNumber(), date, labels.get("letter.subject", rules.year()));
            Paragraph to = OfficialLayout.centered(
                    labels.get("letter.to", addressee(letter.branch().name())),
                    layout.font(ReportFonts.Face.REGULAR, 14));
            to.setSpacingBefore(18);
            to.setSpacingAfter(10);
            doc.add(to);
            doc.add(layout.body(labels.get(
                    "letter.opening",
                    rules.year(),
                    layout.issuingBody(),
                    letter.branch().code(),
                    letter.branch().bloc())));
            boolean rejected = letter.items().stream().anyMatch(i -> i.severity() == Severity.REJECTED);
            if (letter.items().isEmpty()) {
                doc.add(layout.body(labels.get("letter.nothing", formatted(date))));
            } else {
                doc.add(layout.body(labels.get(
                        !letter.submitted()
                                ? "letter.notUsed"
                                : rejected
                                        ? "letter.partly"
                                        : letter.signalsOnly() ? "letter.review" : "letter.accepted")));
                doc.add(items(layout, letter));
            }
            if (letter.provisional() != null) {
                RuleSet kind =
                        RuleSet.ofKind(kinds, letter.provisional().kind()).orElse(rules);
                String tier = labels.text(kind.tiers()
                        .get(kind.tierIndex(letter.provisional().tier()))
                        .title());
                // a validation run's result may still change; a final run's goes to the council as it is
                doc.add(layout.body(labels.get(
                        finalRun ? "letter.final.result" : "letter.provisional",
                        labels.number(letter.provisional().total()),
                        tier)));
            }
            String deadline = formatted(feedback.deadlineAfter(date));
            Paragraph closing;
            if (finalRun) {
                // nothing can be sent again now: say what was not counted, and where to object
                if (!letter.submitted()) {
                    doc.add(layout.body(labels.get("letter.final.notRated", rules.year())));
                } else if (rejected) {
                    doc.add(layout.body(labels.get("letter.final.notCounted", rules.year())));
                }
                closing = layout.body(labels.get("letter.final.objectBy", deadline));
            } else {
                closing = layout.body(labels.get(
                        letter.submitted()
                                ? (letter.signalsOnly() ? "letter.answerBy" : "letter.checkBy")
                                : letter.items().isEmpty() ? "letter.sendBy" : "letter.resendBy",
                        deadline));
            }
            layout.signature(doc, List.of(labels.get("letter.recipient")), closing);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(
                    "the letter to " + letter.branch().code() + " could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** What a branch wrote, or the program found, that a letter prints: the characters the cut faces may lack. */
    private static String textOf(FeedbackLetters.Letter letter) {
        StringBuilder text = new StringBuilder(letter.branch().code())
                .append(letter.branch().name())
                .append(letter.branch().bloc());
        for (FeedbackLetters.Item item : letter.items()) {
            text.append(item.file())
                    .append(item.sheet())
                    .append(item.cell())
                    .append(item.what())
                    .append(item.todo());
        }
        return text.toString();
    }

    private PdfPTable items(OfficialLayout layout, FeedbackLetters.Letter letter) {
        PdfPTable table = layout.table(
                new float[] {7, 28, 35, 30},
                labels.get("letter.table.no"),
                labels.get("letter.table.where"),
                labels.get("letter.table.what"),
                labels.get("letter.table.todo"));
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
        StringBuilder s = new StringBuilder(source(item.file()));
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

    /**
     * A file as the branch knows it: its form ("phiếu tự chấm CDCS-050.xlsx") or the consolidated table it was listed
     * in ("bảng tổng hợp bang-tong-hop.csv"), not the folder the office keeps it in.
     */
    private String source(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (file.startsWith("forms/")) {
            return labels.get("letter.form", name);
        }
        return file.startsWith("tables/") ? labels.get("letter.table", name) : name;
    }

    /**
     * "Ban Chấp hành Công đoàn Trường …": the registry name, with "công đoàn cơ sở" before it when it does not say so.
     */
    private static String addressee(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("công đoàn") ? name : "công đoàn cơ sở " + name;
    }

    private static String formatted(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
