package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.cli.CliRun;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.sample.SampleGenerator;

/** With last year's run in the output archive, this year's report shows tier movements and a trend. */
class YearOverYearEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void comparesWithTheArchivedEarlierYear() throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        Path rules2024 = Fixtures.rulesFileFor(dir, 2024);
        new SampleGenerator(2024)
                .writeYear(input, 2024, RuleSetLoader.load(rules2024).rules());
        new SampleGenerator(2025).writeYear(input, 2025, Fixtures.rules2025());

        CliRun earlier = CliRun.of(
                "run",
                "--year",
                "2024",
                "--rules",
                rules2024.toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--report-date",
                "2025-01-06");
        assertThat(earlier.exitCode()).as(earlier.err()).isZero();
        assertThat(Path.of(earlier.lastLine()).resolve("charts/trend.png"))
                .as("no earlier year yet")
                .doesNotExist();

        CliRun now = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--report-date",
                "2026-01-05");
        assertThat(now.exitCode()).as(now.err()).isZero();
        Path runDir = Path.of(now.lastLine());
        assertThat(runDir.resolve("charts/trend.png")).isRegularFile();
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .containsPattern(
                            "So với năm 2024: \\d+ đơn vị tăng loại, \\d+ đơn vị giữ nguyên, \\d+ đơn vị giảm loại.");
            assertThat(text)
                    .contains("Kết quả năm trước dùng để so sánh")
                    .contains("2024/" + Path.of(earlier.lastLine()).getFileName() + "/results.csv");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            var stats = wb.getSheet("Thống kê");
            boolean movements = false;
            var format = new DataFormatter();
            for (var row : stats) {
                movements |= "2024".equals(format.formatCellValue(row.getCell(2)))
                        && "2025".equals(format.formatCellValue(row.getCell(3)));
            }
            assertThat(movements).as("a tier-movement table headed 2024 | 2025").isTrue();
        }
    }
}
