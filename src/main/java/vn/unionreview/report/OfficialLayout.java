package vn.unionreview.report;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import vn.unionreview.Digests;
import vn.unionreview.VietnameseText;
import vn.unionreview.rules.RuleSet;

/**
 * The layout every document union-review prints shares, as a union administrative document (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I; Quyết định 933/QĐ-TLĐ): A4, margins 20/20/30/20 mm (top, bottom, left, right), the embedded Times-metric
 * serif, 14 pt justified body with a 1 cm first-line indent, the two-column header, page numbers centred at the top
 * from page 2, the signature block and recipients; and the fixed metadata that makes the same run give the same bytes.
 */
final class OfficialLayout {

    static final float MM = 72f / 25.4f;
    static final float BODY = 14f;

    private final ReportSettings settings;
    private final Labels labels;
    private final ReportFonts fonts;
    private final String issuingBody;

    OfficialLayout(ReportSettings settings, Labels labels, ReportFonts fonts, String issuingBody) {
        this.settings = settings;
        this.labels = labels;
        this.fonts = fonts;
        this.issuingBody = issuingBody;
    }

    static Document a4() {
        return new Document(PageSize.A4, 30 * MM, 20 * MM, 20 * MM, 20 * MM);
    }

    /** Who issues a document: the body configured for the year, else the rule set's issuer. */
    static String issuingBody(ReportSettings settings, Labels labels, RuleSet rules) {
        return settings.issuingBody() != null ? labels.text(settings.issuingBody()) : labels.text(rules.issuer());
    }

    String issuingBody() {
        return issuingBody;
    }

    ReportFonts fonts() {
        return fonts;
    }

    /** Before open(): title, author and a file id from {@code idSeed} (the run), never the clock. */
    void fixMetadata(Document doc, PdfWriter writer, String title, String creator, String idSeed) {
        doc.addTitle(title);
        doc.addAuthor(issuingBody);
        doc.addCreator(creator);
        byte[] id = Arrays.copyOf(HexFormat.of().parseHex(Digests.sha256(idSeed.getBytes(StandardCharsets.UTF_8))), 16);
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    /** After open(): the document info was created then, stamped with the clock; the run's date replaces it. */
    static void fixDates(PdfWriter writer, LocalDate date) {
        Calendar day = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        day.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(day));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(day));
    }

    /** The text width on A4 with the decree's margins (30 mm left, 20 mm right), in points, less a little room. */
    static final float TEXT_WIDTH = 453 - 6;
    /** The header's left column: 40 % of the text width, less padding. */
    static final float HEADER_LEFT = 453 * 0.40f - 6;

    private static final Pattern PLACE = Pattern.compile(" (?=(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ) )");

    /** Words a line must not split: "công đoàn cơ sở", "công đoàn". */
    private static final Pattern TOGETHER = Pattern.compile("(?iu)công đoàn cơ sở|công đoàn");

    /**
     * A title as lines of {@code width} points, filled word by word, that never split "công đoàn cơ sở" ("… HOẠT ĐỘNG
     * CÔNG / ĐOÀN CƠ SỞ"), joined with newlines.
     */
    String keepTogether(String title, ReportFonts.Face face, float size, float width) {
        List<String> words = new ArrayList<>();
        Matcher together = TOGETHER.matcher(title);
        int at = 0;
        while (together.find()) {
            words.addAll(List.of(title.substring(at, together.start()).strip().split(" +")));
            words.add(together.group());
            at = together.end();
        }
        words.addAll(List.of(title.substring(at).strip().split(" +")));
        words.removeIf(String::isEmpty);
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && fonts.pdf(face).getWidthPoint(tried, size) > width) {
                lines.append(line).append('\n');
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(tried);
            }
        }
        return lines.append(line).toString();
    }

    /**
     * An agency's name as lines that fit {@code width} points: whole when it fits, else broken where a reader would
     * break it, before the place ("LIÊN ĐOÀN LAO ĐỘNG / TỈNH HÀ TĨNH"), or at the space nearest the middle; never
     * inside a place's name ("TỈNH HÀ / TĨNH").
     */
    List<String> fitted(String name, ReportFonts.Face face, float size, float width) {
        if (fonts.pdf(face).getWidthPoint(name, size) <= width) {
            return List.of(name);
        }
        Matcher place = PLACE.matcher(name);
        int at = -1;
        while (place.find()) {
            at = place.start();
        }
        if (at <= 0) {
            int middle = name.length() / 2;
            for (int d = 0; d < middle && at < 0; d++) {
                at = name.charAt(middle - d) == ' '
                        ? middle - d
                        : name.charAt(Math.min(name.length() - 1, middle + d)) == ' ' ? middle + d : -1;
            }
        }
        return at <= 0 ? List.of(name) : List.of(name.substring(0, at), name.substring(at + 1));
    }

    /**
     * The two-column header: parent and issuing body over "Số: …" (and, for a letter, its subject line, "V/v …", under
     * it); the nation and motto over the italic place and date.
     */
    void header(Document doc, String number, LocalDate date, String subject) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {40, 60});
        table.setWidthPercentage(100);
        PdfPCell left = cell();
        if (settings.parentBody() != null) {
            left.addElement(centered(
                    String.join(
                            "\n",
                            fitted(
                                    labels.text(settings.parentBody()).toUpperCase(VietnameseText.VIETNAMESE),
                                    ReportFonts.Face.REGULAR,
                                    13,
                                    HEADER_LEFT)),
                    font(ReportFonts.Face.REGULAR, 13)));
        }
        left.addElement(centered(
                String.join(
                        "\n",
                        fitted(
                                issuingBody.toUpperCase(VietnameseText.VIETNAMESE),
                                ReportFonts.Face.BOLD,
                                13,
                                HEADER_LEFT)),
                font(ReportFonts.Face.BOLD, 13)));
        left.addElement(rule(35, 2));
        left.addElement(centered(labels.get("number", number), font(ReportFonts.Face.REGULAR, 13)));
        if (subject != null) {
            left.addElement(centered(subject, font(ReportFonts.Face.REGULAR, 12)));
        }
        PdfPCell right = cell();
        right.addElement(centered(labels.get("nation"), font(ReportFonts.Face.BOLD, 12.5f)));
        Chunk motto = new Chunk(labels.get("motto"), font(ReportFonts.Face.BOLD, 13.5f));
        motto.setUnderline(0.6f, -4f); // a rule under the motto, exactly as long as it
        Paragraph mottoLine = new Paragraph(motto);
        mottoLine.setAlignment(Element.ALIGN_CENTER);
        right.addElement(mottoLine);
        Paragraph day = centered(
                labels.placeAndDate(labels.text(settings.place()), date), font(ReportFonts.Face.ITALIC, 13.5f));
        day.setSpacingBefore(8);
        right.addElement(day);
        table.addCell(left);
        table.addCell(right);
        doc.add(table);
    }

    /**
     * The closing paragraph and, under it, the signature: together on one page, so the signature never stands alone on
     * one the text has left.
     */
    void signature(Document doc, List<String> recipients, Paragraph closing) throws DocumentException {
        PdfPTable together = new PdfPTable(1);
        together.setWidthPercentage(100);
        together.setSplitRows(false);
        PdfPCell cell = cell();
        cell.addElement(closing);
        cell.addElement(signatureTable(recipients));
        together.addCell(cell);
        doc.add(together);
    }

    /** "Nơi nhận:" and its list on the left, the signer on the right. */
    void signature(Document doc, List<String> recipients) throws DocumentException {
        doc.add(signatureTable(recipients));
    }

    private PdfPTable signatureTable(List<String> recipients) {
        PdfPTable table = new PdfPTable(new float[] {50, 50});
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        // one row that is never split: it moves to the next page only when it does not fit this one (keep-together
        // measured it too tall and moved it even when the page had room)
        table.setSplitRows(false);
        PdfPCell left = cell();
        left.addElement(new Paragraph(labels.get("signature.recipients"), font(ReportFonts.Face.BOLD_ITALIC, 12)));
        for (String recipient : recipients) {
            left.addElement(new Paragraph("- " + recipient, font(ReportFonts.Face.REGULAR, 11)));
        }
        left.addElement(
                new Paragraph(labels.get("signature.archive", settings.archive()), font(ReportFonts.Face.REGULAR, 11)));
        PdfPCell right = cell();
        right.addElement(centered(labels.text(settings.signer().authority()), font(ReportFonts.Face.BOLD, 13)));
        right.addElement(centered(labels.text(settings.signer().title()), font(ReportFonts.Face.BOLD, 13)));
        Paragraph name = centered(settings.signer().name(), font(ReportFonts.Face.BOLD, 13));
        name.setSpacingBefore(52); // room to sign and seal
        right.addElement(name);
        table.addCell(left);
        table.addCell(right);
        return table;
    }

    Font font(ReportFonts.Face face, float size) {
        return new Font(fonts.pdf(face), size);
    }

    Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, font(ReportFonts.Face.BOLD, BODY));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        p.setKeepTogether(true);
        return p;
    }

    Paragraph body(String text) {
        Paragraph p = new Paragraph(BODY * 1.3f, text, font(ReportFonts.Face.REGULAR, BODY));
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        p.setFirstLineIndent(10 * MM);
        p.setSpacingAfter(4);
        return p;
    }

    static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    /** A short centred rule: an empty cell with only a bottom border (text-free, so no font is pulled in). */
    static PdfPTable rule(float percent, float spaceBefore) {
        PdfPTable rule = new PdfPTable(1);
        rule.setWidthPercentage(percent);
        rule.setHorizontalAlignment(Element.ALIGN_CENTER);
        rule.setSpacingBefore(spaceBefore);
        PdfPCell line = new PdfPCell();
        line.setBorder(Rectangle.BOTTOM);
        line.setBorderWidthBottom(0.6f);
        line.setFixedHeight(6f); // the line is the cell's bottom edge: 6 pt below the text above
        rule.addCell(line);
        return rule;
    }

    static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** A full-width table whose header row is repeated on every page it runs onto. */
    PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, font(ReportFonts.Face.BOLD, 10)));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setBackgroundColor(new Color(0xEEEEEE));
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    void text(PdfPTable table, String text, int align) {
        text(table, text, align, ReportFonts.Face.REGULAR);
    }

    void text(PdfPTable table, String text, int align, ReportFonts.Face face) {
        PdfPCell cell = new PdfPCell(new Phrase(unbroken(text, font(face, 11))));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        table.addCell(cell);
    }

    /**
     * Text that a line breaks only at a space or after a slash before a letter: never inside a code ("CDCS-|022"), a
     * number or a date, as OpenPDF would at a hyphen; a decision's number ("05/|QĐ-CĐKKT") or a path still finds a
     * place to break.
     */
    static Chunk unbroken(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(AT_SPACES);
        return chunk;
    }

    private static final SplitCharacter AT_SPACES = (start, current, end, cc, ck) -> Character.isWhitespace(cc[current])
            || cc[current] == '/' && current + 1 < end && Character.isLetter(cc[current + 1]);

    /** A cell's text and, under it in smaller italics, a note on it (none when {@code note} is empty). */
    void textWithNote(PdfPTable table, String text, String note, int align) {
        Phrase phrase = new Phrase(unbroken(text, font(ReportFonts.Face.REGULAR, 11)));
        if (!note.isEmpty()) {
            phrase.add(new Chunk("\n(" + note + ")", font(ReportFonts.Face.ITALIC, 9)));
        }
        PdfPCell cell = new PdfPCell(phrase);
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        table.addCell(cell);
    }

    /** Page numbers centred in the top margin, from page 2 on. */
    PdfPageEventHelper pageNumbers() {
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                int page = writer.getPageNumber();
                if (page < 2) {
                    return;
                }
                float x = (document.left() + document.right()) / 2;
                float y = document.getPageSize().getHeight() - 12 * MM;
                ColumnText.showTextAligned(
                        writer.getDirectContent(),
                        Element.ALIGN_CENTER,
                        new Phrase(Integer.toString(page), font(ReportFonts.Face.REGULAR, 13)),
                        x,
                        y,
                        0);
            }
        };
    }
}
