package vn.unionreview.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.ResultsCsv;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/**
 * The shipped sample, 2024 then 2025, as a new user runs it: each signal planted in the sample is in integrity.csv, in
 * the workbook, explained in the report before the award proposals and, where it is about the branch's own form, in its
 * letter; and switching the signals off changes no result.
 */
class IntegrityEndToEndTest {

    @TempDir
    static Path output;

    static Path runDir;
    static List<CSVRecord> signals;
    static String report;
    static String reportFlow;

    @BeforeAll
    static void runTheSampleAfterTheYearBefore() throws Exception {
        CliRun earlier =
                CliRun.of("run", "--year", "2024", "--output", output.toString(), "--report-date", "2025-01-06");
        assertThat(earlier.exitCode()).as(earlier.err()).isZero();
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("integrity.csv (10 dấu hiệu)");
        runDir = Path.of(run.lastLine());
        signals = ResultsCsv.records(runDir.resolve("integrity.csv"));
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // tables and paragraphs in reading order
            report = stripper.getText(pdf).replaceAll("\\s+", " ");
            reportFlow =
                    new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "); // each table cell's text in one piece
        }
    }

    @Test
    void eachPlantedSignalIsFoundOnItsBranchesAndNoOther() {
        TreeSet<String> found = new TreeSet<>();
        signals.forEach(s -> found.add(s.get("code") + " " + s.get("signal")));
        assertThat(found)
                .containsExactly(
                        "CDCS-014 inflation_outlier",
                        "CDCS-019 all_maximum",
                        "CDCS-019 jump_from_last_year",
                        "CDCS-020 near_identical_scores",
                        "CDCS-022 near_identical_scores",
                        "CDCS-024 identical_scores",
                        "CDCS-025 identical_scores",
                        "CDCS-031 fact_conflict",
                        "CDCS-049 same_form_author",
                        "CDCS-051 same_form_author");
        CSVRecord jump = signals.stream()
                .filter(s -> s.get("signal").equals("jump_from_last_year"))
                .findFirst()
                .orElseThrow();
        assertThat(jump.get("detail")).isEqualTo("Tổng điểm 100 năm 2025, 70 năm 2024: tăng 30 điểm.");
        CSVRecord author = signals.stream()
                .filter(s -> s.get("code").equals("CDCS-049"))
                .findFirst()
                .orElseThrow();
        assertThat(author.get("detail"))
                .contains("người lưu cuối \"Nguyễn Thị Hoa\"", "CDCS-051 (Công đoàn Ban Quản lý các khu công nghiệp)");
        assertThat(author.get("name")).isEqualTo("Công đoàn Bảo tàng tỉnh");
        assertThat(author.get("bloc")).isEqualTo("Khối Sự nghiệp");
    }

    @Test
    void theReportExplainsEachSignalBeforeTheAwardProposalsAndPrintsItsThresholds() {
        int section = report.indexOf("III. DẤU HIỆU CẦN XEM XÉT");
        assertThat(section).isPositive().isLessThan(report.indexOf("IV. ĐỀ NGHỊ KHEN THƯỞNG"));
        assertThat(report.substring(section, report.indexOf("IV. ĐỀ NGHỊ KHEN THƯỞNG")))
                .contains("1 . Điểm tự chấm trùng khớp: 2 đơn vị.", "7 . Số liệu mâu thuẫn: 1 đơn vị.");
        assertThat(reportFlow)
                .contains(
                        "không làm thay đổi điểm, xếp loại, thứ hạng hay đề nghị khen thưởng",
                        "Điểm tự chấm trùng khớp",
                        "Điểm tự chấm gần trùng",
                        "Phiếu do cùng một người lập",
                        "Tự chấm tối đa mọi tiêu chí",
                        "Tự chấm cao bất thường so với thẩm định",
                        "Tổng điểm tăng đột biến",
                        "Số liệu mâu thuẫn",
                        "chênh lệch tổng cộng không quá 1 điểm",
                        "tăng hơn 20 điểm",
                        "Công đoàn Trường Cao đẳng Sư phạm",
                        "Số đoàn viên công đoàn lớn hơn tổng số cán bộ",
                        "Công đoàn Sở Xây dựng");
        // each threshold named in words with its value, never by its configuration key
        assertThat(report)
                .contains(
                        "Ngưỡng xét dấu hiệu",
                        "không quá 1 điểm",
                        "vượt 3,5",
                        "cao hơn trung vị của khối ít nhất 5 điểm",
                        "tăng hơn 20 điểm so với năm trước",
                        "Quy tắc kiểm tra số liệu",
                        "2025.checks.yaml")
                .doesNotContain(
                        "near-identical-points", "inflation-z", "jump-points", "generic-authors", "union_above_total");
    }

    @Test
    void theWorkbookHasTheSheetAndTheManifestTheThresholds() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            for (Sheet each : wb) { // printed one page wide, as long as it needs, the header on every page
                assertThat(each.getPrintSetup().getFitWidth())
                        .as(each.getSheetName())
                        .isEqualTo((short) 1);
                assertThat(each.getPrintSetup().getFitHeight())
                        .as(each.getSheetName())
                        .isZero();
                assertThat(each.getRepeatingRows().formatAsString())
                        .as(each.getSheetName())
                        .isEqualTo("1:1");
            }
            Sheet sheet = wb.getSheet("Dấu hiệu cần xem xét");
            assertThat(sheet.getLastRowNum()).isEqualTo(signals.size());
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Dấu hiệu");
            for (int i = 0; i < signals.size(); i++) {
                assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue())
                        .isEqualTo(signals.get(i).get("code"));
                assertThat(sheet.getRow(i + 1).getCell(4).getStringCellValue())
                        .isEqualTo(signals.get(i).get("detail"));
            }
        }
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        assertThat(manifest.integrity())
                .containsEntry("enabled", "true")
                .containsEntry("near-identical-points", "1")
                .containsEntry("inflation-min-points", "5");
        assertThat(manifest.checks().name()).isEqualTo("2025.checks.yaml");
        assertThat(output.resolve(manifest.checks().archive())).exists();
        assertThat(manifest.outputs()).anyMatch(o -> o.name().equals("integrity.csv"));
    }

    @Test
    void aBranchIsToldOfASignalAboutItsOwnFormWithoutBeingToldWhoElse() throws Exception {
        String letter;
        try (PDDocument pdf =
                Loader.loadPDF(runDir.resolve("feedback/CDCS-049.pdf").toFile())) {
            letter = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(letter)
                .contains(
                        "Phiếu đã được tiếp nhận. Đề nghị công đoàn cơ sở xem lại những điểm dưới đây",
                        "Tệp phiếu của đơn vị do cùng một người lập với phiếu của 1 đơn vị khác",
                        "Xác nhận đây là kết quả tự đánh giá của chính đơn vị",
                        // the form as the branch knows it, not the office's folder
                        "phiếu tự chấm CDCS-049.xlsx")
                .doesNotContain("CDCS-051", "Nguyễn Thị Hoa", "forms/");
        // a contradiction in the figures is stated with the figures
        String figures;
        try (PDDocument pdf =
                Loader.loadPDF(runDir.resolve("feedback/CDCS-031.pdf").toFile())) {
            figures = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(figures)
                .containsPattern("Số liệu kê khai mâu thuẫn nhau: số đoàn viên công đoàn lớn hơn tổng số cán bộ, công"
                        + " chức, viên chức, người lao động \\(Số đoàn viên công đoàn: \\d+, Tổng số [^:]+: \\d+\\)");
        assertThat(runDir.resolve("feedback/CDCS-014.pdf"))
                .as("an outlier is for the council, not a letter")
                .doesNotExist();
    }

    @Test
    void switchedOffTheSignalsChangeNoResult(@TempDir Path another) throws Exception {
        System.setProperty("union-review.integrity.enabled", "false");
        try {
            CliRun off =
                    CliRun.of("run", "--year", "2025", "--output", another.toString(), "--report-date", "2026-01-05");
            assertThat(off.exitCode()).as(off.err()).isZero();
            Path offDir = Path.of(off.lastLine());
            assertThat(offDir.resolve("integrity.csv")).doesNotExist();
            assertThat(Manifest.read(RunFile.MANIFEST.in(offDir)).resultDigest())
                    .isEqualTo(Manifest.read(RunFile.MANIFEST.in(runDir)).resultDigest());
            assertThat(Files.readString(offDir.resolve("results.csv")))
                    .isEqualTo(Files.readString(runDir.resolve("results.csv")));
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(offDir.resolve("results.xlsx")))) {
                assertThat(wb.getSheet("Dấu hiệu cần xem xét")).isNull();
            }
            try (PDDocument pdf = Loader.loadPDF(offDir.resolve("report.pdf").toFile())) {
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text)
                        .doesNotContain("DẤU HIỆU CẦN XEM XÉT")
                        .contains("III. ĐỀ NGHỊ KHEN THƯỞNG", "Không xét dấu hiệu");
            }
        } finally {
            System.clearProperty("union-review.integrity.enabled");
        }
    }
}
