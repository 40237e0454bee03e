package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

import vn.unionreview.Slow;
import vn.unionreview.cli.CliRun;

/**
 * The published decision as an official would sign it, in both its forms: decision.pdf and decision.docx have the same
 * headings, the same lists bloc by bloc and the same rows, no list for a tier no branch is in, the subject on two lines
 * broken where a reader breaks it, the agency's names never broken inside a place's name, tables of fixed column
 * widths, and page numbers from page 2. LibreOffice opens the docx and lays it out with the same headings.
 */
class DecisionLayoutTest {

    private static final Pattern HEADING = Pattern.compile("^[IVX]+\\. .*\\(\\d+\\)$");

    @TempDir
    static Path dir;

    static Path runDir;
    static List<String> pdfLines;
    static XWPFDocument docx;

    @BeforeAll
    static void theSampleYearPublished() throws Exception {
        Path output = dir.resolve("output");
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        runDir = Path.of(run.lastLine());
        CliRun published = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--number",
                "123/QĐ-CĐVC",
                "--date",
                "2026-01-20",
                "--output",
                output.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        pdfLines = pdfLines(runDir.resolve("decision.pdf"));
        docx = new XWPFDocument(Files.newInputStream(runDir.resolve("decision.docx")));
    }

    @Test
    void bothFormsListTheSameSectionsBlocsAndBranchesAndNoEmptyTier() {
        List<String> docxHeadings = new ArrayList<>();
        List<String> docxRows = new ArrayList<>();
        boolean annex = false;
        for (IBodyElement element : docx.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                annex |= p.getText().equals("DANH SÁCH");
                if (annex && HEADING.matcher(p.getText()).matches()) {
                    docxHeadings.add(p.getText());
                }
            } else if (element instanceof XWPFTable table && annex) {
                for (XWPFTableRow row :
                        table.getRows().subList(1, table.getRows().size())) {
                    docxRows.add(String.join(
                            " ",
                            row.getTableCells().stream()
                                    .map(c -> c.getText().strip())
                                    .toList()));
                }
            }
        }
        List<String> pdfHeadings =
                pdfLines.stream().filter(l -> HEADING.matcher(l).matches()).toList();
        assertThat(docxHeadings)
                .isEqualTo(pdfHeadings)
                .hasSize(6)
                .noneMatch(h -> h.endsWith("(0)"))
                .startsWith(
                        "I. Hoàn thành xuất sắc nhiệm vụ (6)",
                        "II. Hoàn thành tốt nhiệm vụ (28)",
                        "III. Hoàn thành nhiệm vụ (20)");
        // every bloc heading and branch row of the docx is in the PDF, in the same order (a long row wraps there)
        String pdf = String.join(" ", pdfLines).replaceAll("\\s+", " ");
        int at = 0;
        for (String row : docxRows) {
            int found = pdf.indexOf(row.replaceAll("\\s+", " "), at);
            assertThat(found).as("'%s' in the PDF after character %d", row, at).isNotNegative();
            at = found + row.length();
        }
        assertThat(docxRows).contains("Khối Giáo dục - Đào tạo", "1 Công đoàn Trường THPT chuyên Lê Quý Đôn 100,5");
        assertThat(docxRows.stream().filter(r -> r.startsWith("Khối ")).count())
                .as("bloc headings")
                .isGreaterThan(10);
    }

    @Test
    void theDecisionDecidesWhatItListsAndAnUnsettledTieIsNoProposal() throws Exception {
        String flow = String.join(" ", pdfLines).replaceAll("\\s+", " ");
        String text;
        try (PDDocument doc = Loader.loadPDF(runDir.resolve("decision.pdf").toFile())) {
            PDFTextStripper reading = new PDFTextStripper();
            reading.setSortByPosition(true); // as a reader reads the page, whatever order the tables were drawn in
            text = reading.getText(doc).replaceAll("\\s+", " ");
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Matcher heading = Pattern.compile("([IVX]+)\\. ([^()]+) \\((\\d+)\\)").matcher(text);
        while (heading.find()) {
            sizes.put(heading.group(1) + " " + heading.group(2).strip(), Integer.parseInt(heading.group(3)));
        }
        assertThat(sizes.keySet())
                .containsExactly(
                        "I Hoàn thành xuất sắc nhiệm vụ",
                        "II Hoàn thành tốt nhiệm vụ",
                        "III Hoàn thành nhiệm vụ",
                        "IV Đề nghị Cờ thi đua xuất sắc",
                        "V Đề nghị Bằng khen",
                        "VI Đề nghị Giấy khen");
        List<Integer> counts = List.copyOf(sizes.values());
        int recognised = counts.get(0) + counts.get(1) + counts.get(2);
        int proposed = counts.get(3) + counts.get(4) + counts.get(5);
        // the first article recognises the tiers' lists, the second sends on the awards' lists: every list has its
        // article
        assertThat(flow)
                .contains("Điều 1. Công nhận kết quả đánh giá, xếp loại chất lượng hoạt động năm 2025 đối với "
                        + recognised + " công đoàn cơ sở (Mục I đến Mục III của Danh sách kèm theo).")
                .contains("Điều 2. Đề nghị cấp có thẩm quyền khen thưởng " + proposed
                        + " công đoàn cơ sở có thành tích xuất sắc năm 2025 (Mục IV đến Mục VI của Danh sách kèm theo)")
                .contains("ĐƯỢC ĐỀ NGHỊ KHEN THƯỞNG");
        assertThat(recognised).isEqualTo(54);
        // the two schools tied at the top of their bloc for one flag are said as such, not proposed
        assertThat(counts.get(3)).isEqualTo(2);
        String flags =
                text.substring(text.indexOf("IV. Đề nghị Cờ thi đua xuất sắc"), text.indexOf("V. Đề nghị Bằng khen"));
        assertThat(flags)
                .contains("Đồng hạng ở giới hạn số lượng Cờ thi đua xuất sắc, chưa đề nghị, chờ Hội đồng Thi đua -"
                        + " Khen thưởng xem xét: Công đoàn Trường THPT chuyên Lê Quý Đôn; Công đoàn Trường THPT"
                        + " Nguyễn Trãi.");
        assertThat(flags.substring(0, flags.indexOf("Đồng hạng"))).doesNotContain("Lê Quý Đôn", "Nguyễn Trãi");
    }

    @Test
    void theDocxIsThePdfsRuleUnderTheSubjectRepeatedHeadersAndBlocsKeptWithTheirBranches() {
        List<XWPFParagraph> paragraphs = docx.getParagraphs();
        int subject = 0;
        while (!paragraphs.get(subject).getText().startsWith("Về việc công nhận")) {
            subject++;
        }
        assertThat(paragraphs.get(subject + 1).getBorderBottom()).isEqualTo(Borders.SINGLE);
        List<XWPFTable> annex = docx.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("STT"))
                .toList();
        assertThat(annex).hasSize(6);
        for (XWPFTable table : annex) {
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            // each bloc's row (one merged cell) keeps with the branch under it
            table.getRows().stream()
                    .filter(r -> r.getTableCells().size() == 1)
                    .forEach(r -> assertThat(r.getCell(0).getParagraphs().get(0).isKeepNext())
                            .as(r.getCell(0).getText())
                            .isTrue());
        }
    }

    @Test
    void theSubjectAndTheAgencysNamesBreakWhereAReaderBreaksThem() {
        assertThat(pdfLines)
                .containsSubsequence(
                        "Về việc công nhận kết quả đánh giá, xếp loại chất lượng",
                        "hoạt động công đoàn cơ sở năm 2025");
        assertThat(pdfLines)
                .anyMatch(l -> l.startsWith("LIÊN ĐOÀN LAO ĐỘNG"))
                .anyMatch(l -> l.contains("TỈNH HÀ TĨNH"))
                .noneMatch(l -> l.matches(".*TỈNH HÀ$"));
        XWPFTable header = docx.getTables().get(0);
        List<String> left = header.getRow(0).getCell(0).getParagraphs().stream()
                .map(XWPFParagraph::getText)
                .filter(t -> !t.isBlank())
                .toList();
        assertThat(left)
                .containsExactly(
                        "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH HÀ TĨNH", "CÔNG ĐOÀN VIÊN CHỨC", "TỈNH HÀ TĨNH", "Số: 123/QĐ-CĐVC");
        assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText))
                .contains(
                        "Về việc công nhận kết quả đánh giá, xếp loại chất lượng\nhoạt động công đoàn cơ sở năm 2025");
    }

    @Test
    void theDocxHasFixedColumnWidthsRulesAndPageNumbersFromPageTwo() {
        for (XWPFTable table : docx.getTables()) {
            assertThat(table.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
            long sum = table.getCTTbl().getTblGrid().getGridColList().stream()
                    .mapToLong(c -> ((BigInteger) c.getW()).longValue())
                    .sum();
            assertThat(sum).as("the text width of A4 with the decree's margins").isBetween(9060L, 9080L);
        }
        XWPFTable annexTable = docx.getTables().get(2);
        var columns = annexTable.getCTTbl().getTblGrid().getGridColList();
        assertThat(((BigInteger) columns.get(0).getW()).longValue())
                .as("STT, sized to its numbers")
                .isLessThan(1000);
        assertThat(((BigInteger) columns.get(1).getW()).longValue())
                .as("the names")
                .isGreaterThan(6000);
        // the rules under the issuing body and the motto
        assertThat(docx.getTables().get(0).getRow(0).getTableCells())
                .allSatisfy(
                        cell -> assertThat(cell.getParagraphs()).anyMatch(p -> p.getBorderBottom() == Borders.SINGLE));
        assertThat(docx.getDocument().getBody().getSectPr().isSetTitlePg())
                .as("no number on the first page")
                .isTrue();
        assertThat(docx.getHeaderList())
                .anyMatch(h -> h.getParagraphs().stream()
                        .anyMatch(p -> p.getCTP().getFldSimpleList().stream()
                                .anyMatch(f -> f.getInstr().strip().equals("PAGE"))));
    }

    @Test
    @Slow // LibreOffice
    void libreOfficeLaysTheDocxOutOnTheSamePagesWithTheSameHeadings() throws Exception {
        LibreOffice.require();
        Path converted = Files.createDirectories(dir.resolve("lo"));
        LibreOffice.convert(runDir.resolve("decision.docx"), "pdf", converted);
        List<List<String>> fromDocx = headingsByPage(converted.resolve("decision.pdf"));
        List<List<String>> ours = headingsByPage(runDir.resolve("decision.pdf"));
        assertThat(fromDocx)
                .as("page by page: the same pages, each with the same headings")
                .isEqualTo(ours);
        assertThat(ours.stream().mapToInt(List::size).sum())
                .as("QUYẾT ĐỊNH, DANH SÁCH and six lists")
                .isEqualTo(8);
        assertThat(pdfLines(converted.resolve("decision.pdf"))).contains("2"); // the page number at the top of page 2
    }

    /** Each page's headings ("QUYẾT ĐỊNH", "DANH SÁCH", "I. …"), page by page. */
    private static List<List<String>> headingsByPage(Path pdf) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(List.of(stripper.getText(doc).split("\\R")).stream()
                        .map(String::strip)
                        .filter(l -> HEADING.matcher(l).matches() || l.equals("DANH SÁCH") || l.equals("QUYẾT ĐỊNH"))
                        .toList());
            }
        }
        return pages;
    }

    private static List<String> pdfLines(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return List.of(new PDFTextStripper().getText(doc).split("\\R")).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        }
    }
}
