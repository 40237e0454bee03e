package vn.unionreview.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.unionreview.VietnameseText;
import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.ZipNormalizer;
import vn.unionreview.rules.Award;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Tier;

/**
 * The decision that publishes a year's results (quyết định cá biệt công nhận kết quả đánh giá, xếp loại): the official
 * header with "Số: …/QĐ-…", "QUYẾT ĐỊNH" and its subject, the issuing authority, the grounds ("Căn cứ …", "Xét đề nghị
 * của Hội đồng Thi đua - Khen thưởng …"), three articles, the signature and "Nơi nhận", then the annex listing every
 * branch by tier and the award proposals. One content, written as decision.pdf (to sign and archive) and decision.docx
 * (for the office to edit before it is signed). Vietnamese only; the same run, number and date give the same bytes.
 */
public final class DecisionDocument {

    /**
     * One recognised branch, as results.csv has it; its kind is "" in a year with one rule set, its unit the name of
     * the union beneath a province whose decision its result is, "" for a branch the issuing body rated itself.
     */
    public record Recognised(
            String code,
            String name,
            String bloc,
            String total,
            String tier,
            List<String> awards,
            String kind,
            String unit,
            String tierBeforeCaps,
            String caps,
            boolean demoted,
            boolean decided,
            boolean awardTie) {}

    /** For a province, a unit's decision whose results it recognises: its name, number and date (ISO). */
    public record UnitDecision(String unit, String number, String date) {}

    /**
     * A list of the annex: its heading, then its branches bloc by bloc, numbered through the list, and a note under it
     * ("" for none); {@code recognises}: a tier's list, which the first article recognises, rather than an award's.
     */
    record Section(String heading, List<BlocRows> blocs, String note, boolean recognises) {

        int size() {
            return blocs.stream().mapToInt(b -> b.rows().size()).sum();
        }
    }

    /** One bloc's branches in a list: the bloc's name, and rows (no., name, total). */
    record BlocRows(String bloc, List<List<String>> rows) {}

    private final Labels labels = new Labels("vi");
    /** The year's rule set, or in a year ruled by kind the first kind's: it names the year and its issuer. */
    private final RuleSet rules;
    /** Every rule set of the year, in kind order. */
    private final List<RuleSet> kinds;

    private final ReportSettings settings;
    private final DecisionSettings decision;
    private final String number;
    private final LocalDate date;
    private final String issuingBody;
    private final String meeting;
    private final List<Recognised> branches;
    private final List<UnitDecision> units;

    /**
     * @param meeting the council meeting whose decisions the results include ("05/BB-HĐTĐKT"), or ""
     * @param units for a province, the decisions of the units beneath it whose results it recognises, in the list's
     *     order; none otherwise
     */
    public DecisionDocument(
            List<RuleSet> kinds,
            ReportSettings settings,
            DecisionSettings decision,
            String number,
            LocalDate date,
            String meeting,
            List<Recognised> branches,
            List<UnitDecision> units) {
        this.kinds = List.copyOf(kinds);
        this.rules = kinds.get(0);
        this.settings = settings;
        this.decision = decision;
        this.number = number;
        this.date = date;
        this.meeting = meeting;
        this.branches = List.copyOf(branches);
        this.units = List.copyOf(units);
        this.issuingBody = OfficialLayout.issuingBody(settings, labels, rules);
    }

    // ---- the content, once -------------------------------------------------------------

    /** The subject, its two lines broken where a reader breaks them (the label says where, with a newline). */
    String subject() {
        return labels.get("decision.subject", rules.year());
    }

    String authority() {
        return labels.get("decision.authority", issuingBody).toUpperCase(VietnameseText.VIETNAMESE);
    }

    List<String> grounds() {
        List<String> grounds = new ArrayList<>();
        decision.grounds()
                .forEach(g -> grounds.add(
                        g.replace("{year}", Integer.toString(rules.year())).replace("{issuer}", issuingBody)));
        // a province's figures stand on the decisions of the unions beneath it, each cited by number and date
        units.forEach(u -> grounds.add(
                labels.get("decision.unitGround", u.number(), labels.date(u.date()), u.unit(), rules.year())));
        grounds.add(
                meeting.isEmpty()
                        ? labels.get("decision.proposal", issuingBody)
                        : labels.get("decision.proposalMeeting", issuingBody, meeting));
        return grounds;
    }

    /** The articles: each its label ("Điều 1.") and text. */
    List<String[]> articles() {
        List<Section> annex = annex();
        long tierLists = annex.stream().filter(Section::recognises).count();
        List<String> articles = new ArrayList<>();
        articles.add(labels.get("decision.article1", rules.year(), branches.size(), lists(1, tierLists)));
        // the award proposals the annex lists are decided too: sent on, by this article, to who grants each award
        int proposed = annex.stream()
                .filter(section -> !section.recognises())
                .mapToInt(Section::size)
                .sum();
        if (proposed > 0) {
            articles.add(
                    labels.get("decision.articleAwards", proposed, rules.year(), lists(tierLists + 1, annex.size())));
        }
        articles.add(labels.get("decision.article2"));
        articles.add(labels.get("decision.article3", articles.size()));
        List<String[]> numbered = new ArrayList<>();
        for (String text : articles) {
            numbered.add(new String[] {labels.get("decision.article", numbered.size() + 1), text});
        }
        return numbered;
    }

    /** "Mục I", "Mục I đến III": the annex's lists from {@code first} to {@code last}, 1-based. */
    private String lists(long first, long last) {
        return first == last
                ? labels.get("decision.list", Labels.roman((int) first))
                : labels.get("decision.lists", Labels.roman((int) first), Labels.roman((int) last));
    }

    List<String> recipients() {
        List<String> recipients = new ArrayList<>(
                List.of(labels.get("decision.recipientArticle3", articles().size())));
        if (settings.parentBody() != null) {
            recipients.add(labels.text(settings.parentBody()) + " (b/c);");
        }
        return recipients;
    }

    /** What the annex lists: the recognised branches, and the award proposals when it holds any. */
    String annexSubject() {
        boolean proposals = annex().stream().anyMatch(section -> !section.recognises());
        return labels.get(proposals ? "decision.annexSubjectAwards" : "decision.annexSubject", rules.year());
    }

    String annexNote() {
        return labels.get(
                "decision.annexNote",
                number.strip(),
                date.getDayOfMonth(),
                date.getMonthValue(),
                date.getYear(),
                issuingBody);
    }

    /**
     * Every recognised branch by final tier, best first, then each award's proposals; a tier or award no branch is in
     * has no section. Within a list the branches go bloc by bloc, each bloc under its name; in a year ruled by kind,
     * kind by kind and then bloc by bloc, each under the kind's title and the bloc's name. A tier or award is matched
     * by its id across the kinds, and named as the first kind that has it names it.
     */
    List<Section> annex() {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        Map<String, Award> awards = new LinkedHashMap<>();
        kinds.forEach(k -> {
            k.tiers().forEach(t -> tiers.putIfAbsent(t.id(), t));
            k.awards().forEach(a -> awards.putIfAbsent(a.id(), a));
        });
        List<Section> sections = new ArrayList<>();
        int n = 1;
        for (Tier tier : tiers.values()) {
            List<Recognised> in =
                    branches.stream().filter(b -> b.tier().equals(tier.id())).toList();
            if (!in.isEmpty()) {
                sections.add(new Section(
                        Labels.roman(n++) + ". " + labels.text(tier.title()) + " (" + in.size() + ")",
                        byBloc(in),
                        "",
                        true));
            }
        }
        for (Award award : awards.values()) {
            List<Recognised> holders = branches.stream()
                    .filter(b -> b.awards().contains(award.id()))
                    .toList();
            // a tie across the award's limit that the council has not settled is not a proposal: it is said as such
            List<Recognised> in = holders.stream().filter(b -> !b.awardTie()).toList();
            List<String> tied = holders.stream()
                    .filter(Recognised::awardTie)
                    .map(Recognised::name)
                    .toList();
            if (!holders.isEmpty()) {
                sections.add(new Section(
                        Labels.roman(n++) + ". "
                                + labels.get("decision.awardHeading", labels.text(award.title()), in.size()),
                        byBloc(in),
                        tied.isEmpty()
                                ? ""
                                : labels.get("decision.tieNote", labels.text(award.title()), String.join("; ", tied)),
                        false));
            }
        }
        return sections;
    }

    /**
     * The branches bloc by bloc, blocs in the order they first come (the results' order: kind, then bloc), numbered
     * through; in a year ruled by kind each bloc is headed by its kind's title too.
     */
    private List<BlocRows> byBloc(List<Recognised> in) {
        Map<String, List<Recognised>> blocs = new LinkedHashMap<>();
        in.forEach(b ->
                blocs.computeIfAbsent(blocHeading(b), k -> new ArrayList<>()).add(b));
        List<BlocRows> grouped = new ArrayList<>();
        int no = 0;
        for (var bloc : blocs.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (Recognised b : bloc.getValue()) {
                // a branch a cap or a quota moved down says why, where the decision lists it
                String moved = RuleSet.ofKind(kinds, b.kind())
                        .map(k -> labels.moved(k, b.tier(), b.tierBeforeCaps(), b.caps(), b.demoted(), b.decided()))
                        .orElse("");
                rows.add(List.of(
                        Integer.toString(++no),
                        moved.isEmpty() ? b.name() : b.name() + " (" + moved + ")",
                        b.total().replace('.', ',')));
            }
            grouped.add(new BlocRows(bloc.getKey(), rows));
        }
        return grouped;
    }

    private String blocHeading(Recognised branch) {
        String bloc = RuleSet.ofKind(kinds, branch.kind())
                .filter(k -> k.kind() != null)
                .map(k -> labels.get("decision.kindBloc", labels.text(k.kind().title()), branch.bloc()))
                .orElse(branch.bloc());
        // a unit's blocs are its own: headed by the unit, as its decision lists them
        return branch.unit().isEmpty() ? bloc : labels.get("decision.kindBloc", branch.unit(), bloc);
    }

    private List<String> annexHeader() {
        return List.of(labels.get("table.no"), labels.get("table.name"), labels.get("table.totalScore"));
    }

    /** The annex table's columns, as shares of the text width: STT, name, total. */
    private static final float[] ANNEX_COLUMNS = {9, 75, 16};

    // ---- decision.pdf ------------------------------------------------------------------

    public void writePdf(Path file, ReportFonts fonts) throws IOException {
        OfficialLayout layout = new OfficialLayout(settings, labels, fonts.subsetting(), issuingBody);
        AtomicFiles.write(file, out -> out.write(pdf(layout)));
    }

    private byte[] pdf(OfficialLayout layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = OfficialLayout.a4();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(layout.pageNumbers());
            layout.fixMetadata(
                    doc,
                    writer,
                    subject().replace('\n', ' '),
                    "union-review",
                    "decision/" + rules.year() + "/" + number + "/" + date);
            doc.open();
            OfficialLayout.fixDates(writer, date);
            layout.header(doc, number, date, null);
            Paragraph type =
                    OfficialLayout.centered(labels.get("decision.type"), layout.font(ReportFonts.Face.BOLD, 14));
            type.setSpacingBefore(18);
            doc.add(type);
            doc.add(OfficialLayout.centered(subject(), layout.font(ReportFonts.Face.BOLD, 14)));
            doc.add(OfficialLayout.rule(25, 4)); // clear of the subject's second line
            Paragraph authority = OfficialLayout.centered(authority(), layout.font(ReportFonts.Face.BOLD, 14));
            authority.setSpacingBefore(12);
            authority.setSpacingAfter(8);
            doc.add(authority);
            for (String ground : grounds()) {
                Paragraph p = layout.body(ground);
                p.setFont(layout.font(ReportFonts.Face.ITALIC, OfficialLayout.BODY));
                p.getChunks()
                        .forEach(c -> ((Chunk) c).setFont(layout.font(ReportFonts.Face.ITALIC, OfficialLayout.BODY)));
                doc.add(p);
            }
            Paragraph decides =
                    OfficialLayout.centered(labels.get("decision.decides"), layout.font(ReportFonts.Face.BOLD, 14));
            decides.setSpacingBefore(8);
            decides.setSpacingAfter(8);
            doc.add(decides);
            for (String[] article : articles()) {
                Paragraph p = layout.body("");
                p.add(new Chunk(article[0] + " ", layout.font(ReportFonts.Face.BOLD, OfficialLayout.BODY)));
                p.add(new Chunk(article[1], layout.font(ReportFonts.Face.REGULAR, OfficialLayout.BODY)));
                doc.add(p);
            }
            layout.signature(doc, recipients());
            doc.newPage();
            doc.add(OfficialLayout.centered(labels.get("decision.annexTitle"), layout.font(ReportFonts.Face.BOLD, 14)));
            doc.add(OfficialLayout.centered(
                    annexSubject().toUpperCase(VietnameseText.VIETNAMESE), layout.font(ReportFonts.Face.BOLD, 13)));
            Paragraph note = OfficialLayout.centered(annexNote(), layout.font(ReportFonts.Face.ITALIC, 13));
            note.setSpacingAfter(8);
            doc.add(note);
            for (Section section : annex()) {
                doc.add(layout.heading(section.heading()));
                if (section.size() > 0) {
                    doc.add(annexTable(layout, section));
                }
                if (!section.note().isEmpty()) {
                    doc.add(new Paragraph(section.note(), layout.font(ReportFonts.Face.ITALIC, 12)));
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("the decision could not be laid out: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private PdfPTable annexTable(OfficialLayout layout, Section section) {
        PdfPTable table = layout.table(ANNEX_COLUMNS, annexHeader().toArray(String[]::new));
        for (BlocRows bloc : section.blocs()) {
            PdfPCell heading = new PdfPCell(new Phrase(bloc.bloc(), layout.font(ReportFonts.Face.BOLD_ITALIC, 11)));
            heading.setColspan(3);
            heading.setPaddingBottom(4);
            table.addCell(heading);
            for (List<String> row : bloc.rows()) {
                layout.text(table, row.get(0), Element.ALIGN_CENTER);
                layout.text(table, row.get(1), Element.ALIGN_LEFT);
                layout.text(table, row.get(2), Element.ALIGN_CENTER);
            }
        }
        return table;
    }

    // ---- decision.docx -----------------------------------------------------------------

    /**
     * The same decision as a Word document (Times New Roman 14, A4, the same margins, the same header lines and rules,
     * page numbers at the top from page 2, tables of fixed widths), zipped with fixed entry times.
     */
    public void writeDocx(Path file, ReportFonts fonts) throws IOException {
        OfficialLayout layout = new OfficialLayout(settings, labels, fonts, issuingBody);
        AtomicFiles.write(file, ZipNormalizer.normalized(out -> docx(out, layout)));
    }

    /** The text width on A4 with the decree's margins (30 mm left, 20 mm right), in twentieths of a point. */
    private static final int TEXT_WIDTH = 11906 - 1701 - 1134;

    private void docx(OutputStream out, OfficialLayout layout) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            Date day = Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            doc.getProperties().getCoreProperties().setCreated(Optional.of(day));
            doc.getProperties().getCoreProperties().setModified(Optional.of(day));
            doc.getProperties().getCoreProperties().setCreator(issuingBody);
            doc.getProperties().getCoreProperties().setTitle(subject().replace('\n', ' '));
            XWPFTable header = doc.createTable(1, 2);
            header.removeBorders();
            fixedColumns(header, TEXT_WIDTH * 40 / 100, TEXT_WIDTH - TEXT_WIDTH * 40 / 100);
            List<Line> left = new ArrayList<>();
            if (settings.parentBody() != null) {
                layout.fitted(
                                labels.text(settings.parentBody()).toUpperCase(VietnameseText.VIETNAMESE),
                                ReportFonts.Face.REGULAR,
                                13,
                                OfficialLayout.HEADER_LEFT)
                        .forEach(l -> left.add(line(l, false, false, 13)));
            }
            layout.fitted(
                            issuingBody.toUpperCase(VietnameseText.VIETNAMESE),
                            ReportFonts.Face.BOLD,
                            13,
                            OfficialLayout.HEADER_LEFT)
                    .forEach(l -> left.add(line(l, true, false, 13)));
            cellLines(header.getRow(0), 0, left, ParagraphAlignment.CENTER);
            rule(header.getRow(0).getCell(0), 1100);
            cellLines(
                    header.getRow(0),
                    0,
                    List.of(line(labels.get("number", number), false, false, 13)),
                    ParagraphAlignment.CENTER);
            cellLines(
                    header.getRow(0),
                    1,
                    List.of(
                            line(labels.get("nation"), true, false, 12.5),
                            line(labels.get("motto"), true, false, 13.5)),
                    ParagraphAlignment.CENTER);
            rule(header.getRow(0).getCell(1), 1000);
            cellLines(
                    header.getRow(0),
                    1,
                    List.of(line(labels.placeAndDate(labels.text(settings.place()), date), false, true, 13.5)),
                    ParagraphAlignment.CENTER);
            paragraph(doc, "", false, false, ParagraphAlignment.CENTER);
            paragraph(doc, labels.get("decision.type"), true, false, ParagraphAlignment.CENTER);
            paragraph(doc, subject(), true, false, ParagraphAlignment.CENTER);
            subjectRule(doc); // as the PDF's: a short rule under the subject
            paragraph(doc, authority(), true, false, ParagraphAlignment.CENTER);
            for (String ground : grounds()) {
                paragraph(doc, ground, false, true, ParagraphAlignment.BOTH).setIndentationFirstLine(567);
            }
            paragraph(doc, labels.get("decision.decides"), true, false, ParagraphAlignment.CENTER);
            for (String[] article : articles()) {
                XWPFParagraph p = paragraph(doc, article[0] + " ", true, false, ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(567);
                run(p, article[1], false, false, 14);
            }
            XWPFTable signature = doc.createTable(1, 2);
            signature.removeBorders();
            fixedColumns(signature, TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);
            List<Line> recipients = new ArrayList<>(List.of(line(labels.get("signature.recipients"), true, true, 12)));
            recipients().forEach(r -> recipients.add(line("- " + r, false, false, 11)));
            recipients.add(line(labels.get("signature.archive", settings.archive()), false, false, 11));
            cellLines(signature.getRow(0), 0, recipients, ParagraphAlignment.LEFT);
            cellLines(
                    signature.getRow(0),
                    1,
                    List.of(
                            line(labels.text(settings.signer().authority()), true, false, 13),
                            line(labels.text(settings.signer().title()), true, false, 13),
                            line("", false, false, 13),
                            line("", false, false, 13),
                            line("", false, false, 13),
                            line(settings.signer().name(), true, false, 13)),
                    ParagraphAlignment.CENTER);
            XWPFParagraph annex =
                    paragraph(doc, labels.get("decision.annexTitle"), true, false, ParagraphAlignment.CENTER);
            annex.setPageBreak(true);
            paragraph(
                    doc, annexSubject().toUpperCase(VietnameseText.VIETNAMESE), true, false, ParagraphAlignment.CENTER);
            paragraph(doc, annexNote(), false, true, ParagraphAlignment.CENTER);
            int[] columns = new int[ANNEX_COLUMNS.length];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Math.round(TEXT_WIDTH * ANNEX_COLUMNS[c] / 100);
            }
            for (Section section : annex()) {
                XWPFParagraph title = paragraph(doc, section.heading(), true, false, ParagraphAlignment.LEFT);
                title.setSpacingBefore(200); // as the PDF's, so both forms take the same pages
                title.setKeepNext(true);
                if (section.size() > 0) {
                    annexTable(doc, section, columns);
                }
                if (!section.note().isEmpty()) {
                    paragraph(doc, section.note(), false, true, ParagraphAlignment.BOTH);
                }
            }
            page(doc); // the section's properties close the body
            pageNumbers(doc);
            doc.write(out);
        }
    }

    private void annexTable(XWPFDocument doc, Section section, int[] columns) {
        XWPFTable table = doc.createTable(1, columns.length);
        // the header row is repeated on every page the list runs on, as the PDF's
        table.getRow(0).setRepeatHeader(true);
        table.setCellMargins(60, 80, 60, 80);
        for (int c = 0; c < columns.length; c++) {
            cellLines(
                    table.getRow(0),
                    c,
                    List.of(line(annexHeader().get(c), true, false, 11)),
                    ParagraphAlignment.CENTER);
        }
        for (BlocRows bloc : section.blocs()) {
            XWPFTableRow heading = table.createRow();
            heading.removeCell(2);
            heading.removeCell(1);
            heading.getCell(0).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(columns.length));
            cellLines(heading, 0, List.of(line(bloc.bloc(), true, true, 11)), ParagraphAlignment.LEFT);
            // a bloc's name goes with its first branch, never alone at a page's foot
            heading.getCell(0).getParagraphs().forEach(p -> p.setKeepNext(true));
            heading.setCantSplitRow(true);
            for (List<String> r : bloc.rows()) {
                XWPFTableRow row = table.createRow();
                for (int c = 0; c < columns.length; c++) {
                    cellLines(
                            row,
                            c,
                            List.of(line(r.get(c), false, false, 11)),
                            c == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                }
            }
        }
        fixedColumns(table, columns);
    }

    /** A4, margins 20 mm top and bottom, 30 mm left, 20 mm right (in twentieths of a point). */
    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(1134));
    }

    private record Line(String text, boolean bold, boolean italic, double size) {}

    private static Line line(String text, boolean bold, boolean italic, double size) {
        return new Line(text, bold, italic, size);
    }

    /** Adds {@code lines} to the cell, a paragraph each (the cell's first, empty paragraph taken first). */
    private static void cellLines(XWPFTableRow row, int column, List<Line> lines, ParagraphAlignment alignment) {
        var cell = row.getCell(column);
        XWPFParagraph first = cell.getParagraphs().get(0);
        boolean firstFree = cell.getParagraphs().size() == 1
                && first.getRuns().isEmpty()
                && first.getCTP().getPPr() == null;
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = i == 0 && firstFree ? first : cell.addParagraph();
            p.setAlignment(alignment);
            run(
                    p,
                    lines.get(i).text(),
                    lines.get(i).bold(),
                    lines.get(i).italic(),
                    lines.get(i).size());
        }
    }

    private static XWPFParagraph paragraph(
            XWPFDocument doc, String text, boolean bold, boolean italic, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingAfter(80);
        run(p, text, bold, italic, 14);
        return p;
    }

    /** A run of text; a newline in it is a line break, where the text says a reader breaks it. */
    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, double size) {
        XWPFRun run = p.createRun();
        run.setFontFamily("Times New Roman");
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    /** The rule under the subject: a quarter of the text width, centred, as the PDF draws it. */
    private static void subjectRule(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setBorderBottom(Borders.SINGLE);
        int side = TEXT_WIDTH * 3 / 8;
        p.setIndentationLeft(side);
        p.setIndentationRight(side);
        p.setSpacingAfter(120);
        p.createRun().setFontSize(2);
    }

    /**
     * A short centred rule, as under the issuing body and the motto: an empty paragraph's bottom border, {@code width}
     * twips wide.
     */
    private static void rule(XWPFTableCell cell, int width) {
        XWPFParagraph p = cell.addParagraph();
        p.setBorderBottom(Borders.SINGLE);
        int cellWidth = cell.getWidth();
        int side = Math.max(0, (cellWidth - width) / 2);
        p.setIndentationLeft(side);
        p.setIndentationRight(side);
        p.setSpacingAfter(120);
        XWPFRun run = p.createRun();
        run.setFontSize(2);
    }

    /**
     * Fixed column widths (twentieths of a point), in the grid and in every cell, and a fixed layout: Word and
     * LibreOffice then keep the columns as laid out instead of fitting them to their text.
     */
    private static void fixedColumns(XWPFTable table, int... widths) {
        int total = Arrays.stream(widths).sum();
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(total));
        var properties = table.getCTTbl().getTblPr();
        CTTblLayoutType layout = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            int c = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                int span = cell.getCTTc().isSetTcPr()
                                && cell.getCTTc().getTcPr().isSetGridSpan()
                        ? cell.getCTTc().getTcPr().getGridSpan().getVal().intValue()
                        : 1;
                int width = 0;
                for (int k = 0; k < span && c < widths.length; k++) {
                    width += widths[c++];
                }
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(Integer.toString(width));
            }
        }
    }

    /** The page number centred at the top from page 2, as the decree wants it; none on the first page. */
    private static void pageNumbers(XWPFDocument doc) {
        doc.getDocument().getBody().getSectPr().addNewTitlePg();
        doc.createHeader(HeaderFooterType.FIRST);
        XWPFParagraph number = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        var field = number.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        field.addNewR().addNewT().setStringValue("2");
    }
}
