package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.ResultsCsv;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/**
 * The sample year with a branch's history in its registry and 1294's eligibility in its rule set (12 months, or 6 after
 * a reorganisation, to 31/12/2025): a branch founded four months before is not rated, nor one formed by a merger four
 * months before; one formed six months before is; a branch dissolved in mid-year is out of the year, one dissolved
 * after it is not. None of them is "not submitted", and the registry's numbers still add up.
 */
class EligibilityEndToEndTest {

    @TempDir
    static Path dir;

    static Path runDir;
    static String said;

    /** Each branch's history: established, reorganised, dissolved, predecessors. */
    private static final Map<String, String> HISTORY = Map.of(
            "CDCS-003", "2025-09-01,,,",
            "CDCS-004", "2025-06-15,2025-06-15,,",
            "CDCS-005", "01/09/2025,01/09/2025,,CDCS-OLD-5A;CDCS-OLD-5B",
            "CDCS-006", ",,2025-06-15,",
            "CDCS-007", ",,15/06/2025,",
            "CDCS-008", "2010-01-01,,2026-02-01,",
            "CDCS-009", "31/02/2025,,,",
            "CDCS-010", ",,,CDCS-OLD-10");

    @BeforeAll
    static void aYearThatSaysWhoIsRated() throws Exception {
        Path year = Fixtures.copySampleYear(dir.resolve("input/2025"));
        Path registry = year.resolve("registry.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(registry, StandardCharsets.UTF_8)) {
            String code = line.replace("\uFEFF", "").split(",", 2)[0];
            lines.add(line
                    + (code.equals("code")
                            ? ",established,reorganised,dissolved,predecessors"
                            : "," + HISTORY.getOrDefault(code, ",,,")));
        }
        Files.write(registry, lines, StandardCharsets.UTF_8);
        Path rules = dir.resolve("rules-2025.yaml");
        Files.writeString(
                rules,
                Files.readString(Path.of("config/rules/2025.yaml"))
                        + "\neligibility:\n  min_months: 12\n  min_months_after_reorganisation: 6\n");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve("output").toString(),
                "--rules",
                rules.toString(),
                "--report-date",
                "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
        said = run.out();
    }

    @Test
    void aBranchTooNewIsReadButNotRankedAndListedWithWhenItWillBe() throws Exception {
        Map<String, CSVRecord> results = ResultsCsv.byCode(runDir.resolve("results.csv"));
        assertThat(results).doesNotContainKeys("CDCS-003", "CDCS-005", "CDCS-006");
        assertThat(results).containsKeys("CDCS-004", "CDCS-008", "CDCS-009", "CDCS-010");
        Map<String, CSVRecord> notRated = ResultsCsv.byCode(runDir.resolve("not-rated.csv"));
        assertThat(notRated).containsOnlyKeys("CDCS-003", "CDCS-005");
        assertThat(notRated.get("CDCS-003").get("reason_code")).isEqualTo("rating.too_new");
        assertThat(notRated.get("CDCS-003").get("reason"))
                .isEqualTo("thành lập ngày 01/09/2025: chưa đủ thời gian hoạt động để xếp loại năm nay"
                        + " (được xếp loại từ 01/09/2026)");
        assertThat(notRated.get("CDCS-005").get("reason_code")).isEqualTo("rating.too_new_since_reorganisation");
        assertThat(notRated.get("CDCS-005").get("reason")).contains("01/09/2025", "từ 01/03/2026");
        // their submissions were still read and checked: as many accepted as without eligibility, three fewer scored
        assertThat(Files.readAllLines(runDir.resolve("summary.txt")).get(0))
                .contains("Bản nộp đã đọc: 64, nhận: 54, loại: 10.");
        assertThat(results).hasSize(54 - 3);
    }

    @Test
    void aBranchDissolvedInTheYearIsOutOfItNeverNotSubmitted() throws Exception {
        Map<String, CSVRecord> dissolved = ResultsCsv.byCode(runDir.resolve("dissolved.csv"));
        assertThat(dissolved).containsOnlyKeys("CDCS-006", "CDCS-007");
        assertThat(dissolved.get("CDCS-007").get("reason"))
                .isEqualTo("đã giải thể ngày 15/06/2025: không thuộc năm đánh giá");
        Map<String, CSVRecord> notSubmitted = ResultsCsv.byCode(runDir.resolve("not-submitted.csv"));
        assertThat(notSubmitted).doesNotContainKeys("CDCS-003", "CDCS-005", "CDCS-006", "CDCS-007");
        // no letter reaches a branch that no longer exists; one too new still hears what to fix
        assertThat(runDir.resolve("feedback/CDCS-007.pdf")).doesNotExist();
        assertThat(runDir.resolve("feedback/CDCS-003.pdf")).exists();
    }

    @Test
    void theRegistrysNumbersAddUp() throws Exception {
        int scored = ResultsCsv.byCode(runDir.resolve("results.csv")).size();
        Map<String, CSVRecord> without = ResultsCsv.byCode(runDir.resolve("not-submitted.csv"));
        // the list holds the branches that sent nothing valid: some sent nothing, two a form that could not be read
        long unreadable = without.values().stream()
                .filter(r -> r.get("reason_code").equals("notsubmitted.unreadable"))
                .count();
        assertThat(unreadable).isEqualTo(2);
        assertThat(scored + without.size() + 2 + 2).isEqualTo(63);
        List<String> summary = Files.readAllLines(runDir.resolve("summary.txt"));
        assertThat(summary.get(0))
                .contains(
                        "Danh sách: 63 công đoàn cơ sở",
                        "Chưa nộp: " + (without.size() - unreadable) + "; đã nộp nhưng tệp không đọc được: 2.");
        assertThat(summary.get(1))
                .isEqualTo(
                        "Chưa xếp loại năm nay: 2 công đoàn cơ sở, lý do từng đơn vị trong not-rated.csv; đã giải thể: 2.");
        assertThat(said).contains("not-rated.csv, dissolved.csv");
        // ranks over all are 1..n with no place kept for a branch not rated
        assertThat(ResultsCsv.byCode(runDir.resolve("results.csv")).values().stream()
                        .mapToInt(r -> Integer.parseInt(r.get("rank_all")))
                        .max()
                        .orElse(0))
                .isLessThanOrEqualTo(scored);
    }

    @Test
    void aDateWrittenAnyOtherWayIsRefusedWithItsCell() throws Exception {
        assertThat(Files.readString(runDir.resolve("rejected.csv")))
                .contains("registry.csv", "CDCS-009", "registry.not_a_date", "31/02/2025");
    }

    @Test
    void leadersReadWhoIsNotRatedAndWhyInTheWorkbookAndTheReport() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            Sheet sheet = workbook.getSheet("Chưa xếp loại");
            assertThat(sheet).isNotNull();
            List<String> codes = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    codes.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(codes).containsExactly("CDCS-003", "CDCS-005", "CDCS-006", "CDCS-007");
            assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).startsWith("đã giải thể ngày 15/06/2025");
        }
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("chưa được xếp loại năm nay, do chưa đủ thời gian hoạt động")
                    .contains("Công đoàn Ban Tuyên giáo và Dân vận Tỉnh ủy")
                    .contains("đã giải thể, không thuộc năm đánh giá: Công đoàn Tỉnh đoàn");
        }
    }

    @Test
    void theManifestCountsThemAndTheRunReplaysIdentically() throws Exception {
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        assertThat(manifest.counts().notRated()).isEqualTo(2);
        assertThat(manifest.counts().dissolved()).isEqualTo(2);
        assertThat(manifest.counts().submitted()
                        + manifest.counts().notSubmitted()
                        + manifest.counts().unreadable()
                        + 2
                        + 2)
                .isEqualTo(63);
        CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(runDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("trùng khớp");
    }
}
