package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.ResultsCsv;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/**
 * The sample year's reports, read back as a reader's tools would: text extracted from the PDF (PDFBox) and cells from
 * the workbook (POI), every figure checked against results.csv.
 */
class ReportsEndToEndTest {

    static final float MM = 72f / 25.4f;

    @TempDir
    static Path output;

    static Path runDir;
    static String said;
    static Map<String, CSVRecord> results;
    static String text;
    static String flowText;

    @BeforeAll
    static void run() throws Exception {
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--output",
                output.toString(),
                "--lang",
                "vi,en",
                "--report-date",
                "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
        said = run.out();
        results = ResultsCsv.byCode(runDir.resolve("results.csv"));
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf);
            flowText = new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void writesALetterBackToEachBranchWithSomethingToFixNamingEachFaultyCell() throws Exception {
        Map<String, CSVRecord> index = ResultsCsv.byCode(runDir.resolve("feedback/index.csv"));
        // 16 branches with a rejected, corrected or blank value, a duplicate, an unreadable file, or nothing sent; and
        // 8 whose
        // own form shows an integrity signal (a copy, all maximum, a fact conflict, one author); an outlier or a jump
        // sends none
        assertThat(index)
                .hasSize(24)
                .containsKeys("CDCS-003", "CDCS-057", "CDCS-060", "CDCS-061", "CDCS-019", "CDCS-031", "CDCS-049")
                .doesNotContainKey("CDCS-014");
        assertThat(index).as("a clean branch gets no letter").doesNotContainKey("CDCS-001");
        assertThat(index.get("CDCS-057").get("problems")).isEqualTo("5");
        String letter;
        String flowing;
        try (PDDocument pdf =
                Loader.loadPDF(runDir.resolve("feedback/CDCS-057.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            letter = stripper.getText(pdf).replaceAll("\\s+", " ");
            flowing = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(letter)
                .contains(
                        "CÔNG ĐOÀN VIÊN CHỨC",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "V/v kết quả kiểm tra phiếu tự chấm",
                        "Kính gửi: Ban Chấp hành Công đoàn Cơ quan Ủy ban nhân dân huyện Bắc Bình",
                        "Chữ gõ bằng phông TCVN3",
                        "Nơi nhận:",
                        "- Như trên;",
                        "- Lưu: VT, ToC.");
        // a final run's: its result goes to the council, nothing is sent again
        assertThat(flowing)
                .contains("phiếu tự chấm CDCS-057.xls, trang", "ô C9")
                .contains(
                        "Kết quả trình Hội đồng Thi đua - Khen thưởng xem xét, công nhận: tổng điểm 78,5 điểm",
                        "gửi văn bản đến Hội đồng Thi đua - Khen thưởng trước ngày 15/01/2026")
                .doesNotContain("tạm tính");
        String nothing;
        String notSent = index.values().stream()
                .filter(r -> r.get("problems").equals("1") && !results.containsKey(r.get("code")))
                .map(r -> r.get("code"))
                .findFirst()
                .orElseThrow();
        try (PDDocument pdf =
                Loader.loadPDF(runDir.resolve("feedback/" + notSent + ".pdf").toFile())) {
            nothing = new PDFTextStripper().getText(pdf);
        }
        assertThat(nothing.replaceAll("\\s+", " "))
                .contains("chưa được đánh giá, xếp loại năm 2025")
                .doesNotContain("gửi phiếu tự chấm điểm trước ngày", "tạm tính");
    }

    @Test
    void theExportSaysWhatItsStepsWroteAndEachIsThere() {
        String written = said.lines()
                .filter(l -> l.contains("xuất kết quả: đã ghi "))
                .findFirst()
                .orElseThrow();
        // the run's own files, then each language's, in the order RunFile lists them
        assertThat(written)
                .contains(
                        "đã ghi results.csv, rejected.csv, corrections.csv, not-submitted.csv, files.csv, summary.txt,"
                                + " integrity.csv (9 dấu hiệu), feedback/ (24 thư), charts/, report.pdf, results.xlsx,"
                                + " charts-en/, report-en.pdf, results-en.xlsx (");
        for (String name : List.of(
                "results.csv",
                "summary.txt",
                "integrity.csv",
                "feedback",
                "charts-en",
                "report-en.pdf",
                "results.xlsx")) {
            assertThat(runDir.resolve(name)).as(name).exists();
        }
    }

    @Test
    void aSettingTurnsTheLettersOff(@TempDir Path another) {
        System.setProperty("union-review.feedback.enabled", "false");
        try {
            CliRun off =
                    CliRun.of("run", "--year", "2025", "--output", another.toString(), "--report-date", "2026-01-05");
            assertThat(off.exitCode()).as(off.err()).isZero();
            assertThat(Path.of(off.lastLine()).resolve("feedback")).doesNotExist();
            assertThat(off.out()).doesNotContain("feedback/");
        } finally {
            System.clearProperty("union-review.feedback.enabled");
        }
    }

    @Test
    void isLaidOutAsAnAdministrativeDocument() throws Exception {
        // the agency's names break before the place, the title never inside "công đoàn cơ sở"
        assertThat(text.replace('\u00a0', ' '))
                .contains(
                        "LIÊN ĐOÀN LAO ĐỘNG",
                        "TỈNH HÀ TĨNH",
                        "CÔNG ĐOÀN VIÊN CHỨC",
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc",
                        "Hà Tĩnh, ngày 05 tháng 01 năm 2026",
                        "Số:",
                        "/BC-CĐVC",
                        "BÁO CÁO",
                        "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG HOẠT ĐỘNG\nCÔNG ĐOÀN",
                        "TM. BAN THƯỜNG VỤ",
                        "CHỦ TỊCH",
                        "Nguyễn Thị Minh Hằng",
                        "Nơi nhận:",
                        "- Lưu: VT, ToC.",
                        "Phụ lục I",
                        "THÔNG TIN KIỂM SOÁT");
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            PDPage first = pdf.getPage(0);
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595.3f, Offset.offset(0.5f)); // A4
            assertThat(first.getMediaBox().getHeight()).isCloseTo(841.9f, Offset.offset(0.5f));
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                String page = pageText(pdf, i).strip();
                if (i == 0) {
                    assertThat(page).as("no number on page 1").doesNotStartWith("1");
                } else {
                    assertThat(page).as("page %d is numbered at the top", i + 1).startsWith(Integer.toString(i + 1));
                }
                for (COSName name : pdf.getPage(i).getResources().getFontNames()) {
                    PDFont font = pdf.getPage(i).getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).startsWith("LiberationSerif");
                }
            }
        }
    }

    @Test
    void noTextRunsOffThePage() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            List<String> outside = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) throws IOException {
                    for (TextPosition p : positions) {
                        float left = p.getXDirAdj();
                        float right = left + p.getWidthDirAdj();
                        // 3 pt of slack: a justified line's last glyph advance; a table off the page is far beyond
                        if (left < 30 * MM - 3
                                || right > getCurrentPage().getMediaBox().getWidth() - 20 * MM + 3) {
                            outside.add("page " + getCurrentPageNo() + ": '" + s + "' at " + left + "-" + right);
                            return;
                        }
                    }
                }
            };
            stripper.getText(pdf);
            assertThat(outside)
                    .as("text outside the 30 mm / 20 mm side margins")
                    .isEmpty();
        }
    }

    /** The tier as the annex prints it: with why, for a branch a cap or a quota moved down. */
    private static String tierWithNote(CSVRecord r) {
        String moved = new Labels("vi")
                .moved(
                        Fixtures.rules2025(),
                        r.get("tier"),
                        r.get("tier_before_caps"),
                        r.get("caps"),
                        Boolean.parseBoolean(r.get("demoted_by_quota")),
                        !r.get("decision").isEmpty());
        return moved.isEmpty() ? r.get("tier_title") : r.get("tier_title") + " (" + moved + ")";
    }

    @Test
    void everyFigureAgreesWithResultsCsv() {
        Labels vi = new Labels("vi");
        // content-stream order is cell order: each appendix row reads code, name, total, tier, ranks
        String flat = flowText.replaceAll("\\s+", " ");
        for (CSVRecord r : results.values()) {
            // an equal total in the bloc at another rank is marked: the tie-breaks ranked them
            boolean tieBroken = results.values().stream()
                    .anyMatch(o -> o.get("bloc").equals(r.get("bloc"))
                            && o.get("total").equals(r.get("total"))
                            && !o.get("rank_bloc").equals(r.get("rank_bloc")));
            String row = String.join(
                    " ",
                    r.get("code"),
                    r.get("name"),
                    vi.number(Double.parseDouble(r.get("total")), 2) + (tieBroken ? " †" : ""),
                    tierWithNote(r),
                    r.get("rank_bloc"),
                    r.get("rank_all"));
            assertThat(flat).as("appendix row of %s", r.get("code")).contains(row);
        }
        assertThat(flat)
                .contains("† Bằng tổng điểm, xếp hạng lần lượt theo: điểm nhóm C. Xây dựng tổ chức công đoàn (cao hơn"
                        + " xếp trên); Số đoàn viên công đoàn (cao hơn xếp trên)");
        Map<String, Integer> tiers = new TreeMap<>();
        results.values().forEach(r -> tiers.merge(r.get("tier_title"), 1, Integer::sum));
        tiers.forEach((title, count) ->
                assertThat(text).contains(title + " " + count + " " + vi.percent((double) count / results.size())));
        long flags = results.values().stream()
                .filter(r -> r.get("award").contains("CO"))
                .count();
        assertThat(text).contains("Cờ thi đua xuất sắc: " + flags + " đơn vị.");
        assertThat(text).contains("Đồng hạng, đề nghị Hội đồng Thi đua - Khen thưởng xem xét");
        assertThat(text.replaceAll("\\s+", " "))
                .as("justified lines joined")
                .contains(
                        "Đã nhận 64 bản dữ liệu (dòng bảng tổng hợp hoặc phiếu tự chấm) từ 32 tệp: 54 bản hợp lệ, 10 bản bị từ chối");
        assertThat(text)
                .contains("2025.yaml")
                .doesNotContain("config/rules")
                .contains("tables/bang-tong-hop.csv")
                .contains("union-review ");
    }

    @Test
    void theEnglishReportIsTheSameDocumentInEnglish() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report-en.pdf").toFile())) {
            String en = new PDFTextStripper().getText(pdf);
            assertThat(en)
                    .contains(
                            "SOCIALIST REPUBLIC OF VIET NAM",
                            "Independence - Freedom - Happiness",
                            "Ha Tinh, 05 January 2026",
                            "REPORT",
                            "Recipients:",
                            "Appendix I",
                            "CONTROL INFORMATION");
            assertThat(en.replaceAll("\\s+", " "))
                    .as("justified lines joined")
                    .contains(
                            "64 submissions (table rows or forms) were received in 32 files: 54 were valid and 10 were rejected")
                    .contains("7 have not submitted valid data and 2 sent files that could not be read")
                    .contains("† Equal totals, ranked in turn by: group C.")
                    .contains("(higher first)");
        }
    }

    @Test
    void lettersNameFilesAsTheBranchKnowsThemNeverByTheOfficesFolders() throws Exception {
        int letters = 0;
        try (var files = Files.list(runDir.resolve("feedback"))) {
            for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).toList()) {
                letters++;
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    assertThat(new PDFTextStripper().getText(doc))
                            .as(pdf.getFileName().toString())
                            .doesNotContain("forms/", "tables/");
                }
            }
        }
        assertThat(letters).isEqualTo(24);
        try (PDDocument doc =
                Loader.loadPDF(runDir.resolve("feedback/CDCS-029.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("bảng tổng hợp khoi-giao-duc.xlsx", "bảng tổng hợp bang-tong-hop.csv");
        }
    }

    @Test
    void aCodeNeverBreaksAtItsHyphen() throws Exception {
        String report;
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            report = new PDFTextStripper().getText(pdf);
        }
        // "… gần trùng với CDCS-" / "022 …" was a line break inside a code
        assertThat(report).doesNotContainPattern("CDCS-\\s").contains("CDCS-022");
    }

    @Test
    void theCriteriaChartNamesEachCriterionAndLeavesPenaltiesOut() throws Exception {
        String report;
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            report = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        int chart = report.indexOf("Mức đạt bình quân theo tiêu chí");
        String profile = report.substring(chart, report.indexOf("VI. ", chart));
        assertThat(profile).contains("A1 Tham gia", "E2 Được khen").doesNotContain("F1", "F2");
    }

    @Test
    void aBranchMovedDownSaysWhyWhereverItIsListed() throws Exception {
        String report;
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            report = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        // 100,5 points, a work stoppage: the annex says why it is "Hoàn thành nhiệm vụ"; a quota, likewise
        assertThat(report)
                .contains("CDCS-002 Công đoàn Ban Tổ chức Tỉnh ủy 100,5 Hoàn thành nhiệm vụ (hạ từ Hoàn thành xuất sắc"
                        + " nhiệm vụ: Để xảy ra ngừng việc tập thể)")
                .contains("(hạ từ Hoàn thành xuất sắc nhiệm vụ do vượt chỉ tiêu của khối)");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            Sheet ranking = wb.getSheet("Xếp hạng");
            int moved = ranking.getRow(0).getLastCellNum() - 1;
            assertThat(ranking.getRow(0).getCell(moved).getStringCellValue()).isEqualTo("Lý do hạ loại");
            Map<String, String> why = new HashMap<>();
            for (Row row : ranking) {
                Cell cell = row.getCell(moved);
                why.put(row.getCell(0).getStringCellValue(), cell == null ? "" : cell.getStringCellValue());
            }
            assertThat(why.get("CDCS-002"))
                    .isEqualTo("hạ từ Hoàn thành xuất sắc nhiệm vụ: Để xảy ra ngừng việc tập thể");
            assertThat(why.get("CDCS-008")).isEmpty();
            assertThat(why.values().stream().filter(w -> w.contains("vượt chỉ tiêu")))
                    .hasSize(1);
        }
    }

    @Test
    void theWorkbookHasEverySheetWithNumbersThatAgree() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names)
                    .containsExactly(
                            "Tổng hợp",
                            "Xếp hạng",
                            "Chi tiết",
                            "Thống kê",
                            "Khen thưởng",
                            "Dấu hiệu cần xem xét",
                            "Dữ liệu lỗi",
                            "Chưa nộp");
            Sheet ranking = wb.getSheet("Xếp hạng");
            assertThat(ranking.getLastRowNum()).isEqualTo(results.size());
            assertThat(ranking.getPaneInformation().isFreezePane()).isTrue();
            assertThat(ranking.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(ranking.getPrintSetup().getLandscape()).isTrue();
            assertThat(ranking.getRepeatingRows().getFirstRow()).isZero();
            assertThat(ranking.getRepeatingRows().getLastRow()).isZero();
            for (Row row : ranking) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                CSVRecord csv = results.get(row.getCell(0).getStringCellValue());
                assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(Double.parseDouble(csv.get("total")));
                assertThat((int) row.getCell(9).getNumericCellValue())
                        .isEqualTo(Integer.parseInt(csv.get("rank_bloc")));
            }
            Sheet detail = wb.getSheet("Chi tiết");
            assertThat(detail.getLastRowNum()).isEqualTo(results.size());
            // printable as a clerk prints: code and name frozen and on every page, page numbers, never below 8 pt
            for (Sheet wide : List.of(ranking, detail)) {
                assertThat(wide.getPaneInformation().getVerticalSplitLeftColumn())
                        .as(wide.getSheetName())
                        .isEqualTo((short) 2);
                assertThat(wide.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
                assertThat(wide.getRepeatingColumns().getFirstColumn()).isZero();
                assertThat(wide.getRepeatingColumns().getLastColumn()).isEqualTo(1);
                assertThat(wide.getFooter().getCenter()).isEqualTo("Trang &P/&N");
            }
            assertThat(detail.getFitToPage())
                    .as("49 columns do not fit a page at 8 pt")
                    .isFalse();
            assertThat(detail.getPrintSetup().getScale()).isEqualTo((short) 73);
            // one number format down a score column, in the decimals of the rules' step (0,5)
            for (int column : List.of(3, 4, 5, 6)) {
                Set<String> formats = new HashSet<>();
                for (Row row : ranking) {
                    if (row.getRowNum() > 0) {
                        formats.add(row.getCell(column).getCellStyle().getDataFormatString());
                    }
                }
                assertThat(formats).as("column " + column).containsExactly("0.0");
            }
            assertThat(detail.getRow(0).getCell(3).getStringCellValue()).isEqualTo("A1 tự chấm");
            Sheet summary = wb.getSheet("Tổng hợp");
            assertThat(summary.getRow(2).getCell(1).getNumericCellValue())
                    .as("rows read")
                    .isEqualTo(64);
            long awards = results.values().stream()
                    .filter(r -> !r.get("award").isEmpty())
                    .count();
            assertThat(wb.getSheet("Khen thưởng").getLastRowNum()).isEqualTo((int) awards);
            assertThat(wb.getSheet("Dữ liệu lỗi").getLastRowNum()).isEqualTo(13);
            assertThat(wb.getSheet("Chưa nộp").getLastRowNum()).isEqualTo(9);
        }
        try (XSSFWorkbook en = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results-en.xlsx")))) {
            assertThat(en.getSheetAt(0).getSheetName()).isEqualTo("Summary");
            assertThat(en.getSheet("Rejected input")).isNotNull();
        }
    }

    @Test
    void libreOfficeOpensTheWorkbookAndPrintsEverySheet(@TempDir Path dir) throws Exception {
        LibreOffice.require();
        Path copy = Files.copy(runDir.resolve("results.xlsx"), dir.resolve("results.xlsx"));
        LibreOffice.convert(copy, "pdf", dir);
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("results.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(7);
            String printed = new PDFTextStripper().getText(pdf);
            assertThat(printed).contains("Số CĐCS trong danh sách", "Hoàn thành xuất sắc nhiệm vụ", "CDCS-024");
        }
    }

    @Test
    void chartsAreWrittenAsPngForDocumentsAndSvgForPrint() throws Exception {
        for (String chart : List.of("tiers", "tiers-by-bloc", "bloc-means", "criterion-profile", "self-vs-verified")) {
            Path png = runDir.resolve("charts").resolve(chart + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth())
                    .as(chart)
                    .isEqualTo(1120); // 560 pt at 2×: about 165 dpi at the report's text width
            assertThat(Files.readString(runDir.resolve("charts").resolve(chart + ".svg")))
                    .startsWith("<?xml")
                    .contains("<svg");
        }
        assertThat(runDir.resolve("charts-en").resolve("tiers.png")).isRegularFile();
    }

    @Test
    void chartsInThePdfAreVectorsWithRealText() throws Exception {
        Labels vi = new Labels("vi");
        // titles, axis labels and legends are text in the embedded font (checked for every page above), not pixels
        assertThat(text)
                .contains(
                        vi.get("chart.tiers"),
                        vi.get("axis.branches"),
                        "Khối Huyện, thị xã, thành phố",
                        "Hoàn thành xuất sắc nhiệm vụ",
                        "Điểm tự chấm");
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                for (COSName name : pdf.getPage(i).getResources().getXObjectNames()) {
                    assertThat(pdf.getPage(i).getResources().getXObject(name))
                            .as("page %d draws no raster image", i + 1)
                            .isNotInstanceOf(PDImageXObject.class);
                }
            }
        }
    }

    @Test
    void twoRunsOfTheSameInputGiveByteIdenticalFiles(@TempDir Path another) throws Exception {
        CliRun again = CliRun.of(
                "run",
                "--year",
                "2025",
                "--output",
                another.toString(),
                "--lang",
                "vi,en",
                "--report-date",
                "2026-01-05");
        Path otherDir = Path.of(again.lastLine());
        Map<String, byte[]> first = files(runDir);
        Map<String, byte[]> second = files(otherDir);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        assertThat(first.keySet())
                .contains("report.pdf", "report-en.pdf", "results.xlsx", "charts/tiers.png", "charts/tiers.svg");
        // run.log is the run's log, with its times: the one file of a run folder that is not a result
        first.remove(RunFile.RUN_LOG.fileName());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static String pageText(PDDocument pdf, int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(pdf);
    }
}
