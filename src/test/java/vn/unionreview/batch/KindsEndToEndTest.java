package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
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
 * The shipped sample year 2026 as a provincial federation runs it, after 2025: two kinds of branch, each scored and
 * ranked on its own rule set and shown under its title; branches moved from 2025 under new codes, merged and split,
 * with their 2025 tiers in the year over year; one dissolved in mid-year and one too new, listed apart. Leaders read
 * kind titles, never kind ids.
 */
class KindsEndToEndTest {

    @TempDir
    static Path dir;

    static Path runDir;
    static String said;

    @BeforeAll
    static void the2025And2026SampleYears() throws Exception {
        for (int year : List.of(2025, 2026)) {
            Fixtures.copySampleYear(year, dir.resolve("input").resolve(Integer.toString(year)));
        }
        CliRun before = run("2025", "2026-01-05");
        assertThat(before.exitCode()).as(before.err()).isZero();
        CliRun run = run("2026", "2026-12-20");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
        said = run.out();
    }

    private static CliRun run(String year, String reportDate) {
        return CliRun.of(
                "run",
                "--year",
                year,
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve("output").toString(),
                "--report-date",
                reportDate);
    }

    @Test
    void eachKindIsRankedOnItsOwnRulesAndBlocRanksAreWithinKindAndBloc() throws Exception {
        Map<String, CSVRecord> results = ResultsCsv.byCode(runDir.resolve("results.csv"));
        assertThat(results).hasSize(20);
        assertThat(results.get("HT-DN-01").get("kind")).isEqualTo("doanh-nghiep");
        assertThat(results.get("HT-SN-01").get("kind")).isEqualTo("don-vi-su-nghiep");
        // each kind has its own first place, and its own flag per bloc
        assertThat(results.get("HT-DN-01").get("rank_all")).isEqualTo("1");
        assertThat(results.get("HT-SN-01").get("rank_all")).isEqualTo("1");
        assertThat(results.get("HT-DN-01").get("award")).isEqualTo("CO");
        assertThat(results.get("HT-SN-01").get("award")).isEqualTo("CO");
        assertThat(results.get("HT-DN-01").get("total")).isEqualTo("96");
        // the enterprise kind's own cap: no collective agreement keeps 92 points out of the top tier
        assertThat(results.get("HT-DN-03").get("tier_before_caps")).isEqualTo("XS");
        assertThat(results.get("HT-DN-03").get("tier")).isEqualTo("TOT");
        assertThat(results.get("HT-DN-03").get("caps")).isEqualTo("no_agreement");
        // a bloc of both kinds: each kind's branches are ranked among themselves
        assertThat(results.get("HT-DN-05").get("bloc")).isEqualTo("Khối phường Thành Sen");
        assertThat(results.get("HT-SN-12").get("bloc")).isEqualTo("Khối phường Thành Sen");
        assertThat(results.get("HT-DN-05").get("rank_bloc")).isEqualTo("1");
        assertThat(results.get("HT-SN-12").get("rank_bloc")).isEqualTo("1");
        List<String> kindsInOrder = ResultsCsv.records(runDir.resolve("results.csv")).stream()
                .map(r -> r.get("kind"))
                .distinct()
                .toList();
        assertThat(kindsInOrder).containsExactly("doanh-nghiep", "don-vi-su-nghiep");
    }

    @Test
    void theSummarySaysEachKindUnderItsTitleTheMixedBlocAndEveryBranchIsCounted() throws Exception {
        List<String> summary = Files.readAllLines(runDir.resolve("summary.txt"));
        assertThat(summary)
                .contains(
                        "Loại hình Công đoàn cơ sở doanh nghiệp. Xếp loại: Hoàn thành xuất sắc nhiệm vụ 1,"
                                + " Hoàn thành tốt nhiệm vụ 5, Hoàn thành nhiệm vụ 2, Không hoàn thành nhiệm vụ 0.",
                        "Loại hình Công đoàn cơ sở đơn vị sự nghiệp công lập. Xếp loại: Hoàn thành xuất sắc nhiệm vụ 1,"
                                + " Hoàn thành tốt nhiệm vụ 8, Hoàn thành nhiệm vụ 3, Không hoàn thành nhiệm vụ 0.",
                        "Khối thi đua có công đoàn cơ sở của nhiều loại hình (mỗi đơn vị được xếp hạng trong loại hình"
                                + " của mình): Khối phường Thành Sen.");
        assertThat(said).contains("Loại hình Công đoàn cơ sở doanh nghiệp. Xếp loại: Hoàn thành xuất sắc nhiệm vụ 1");
        int scored = ResultsCsv.byCode(runDir.resolve("results.csv")).size();
        int notSubmitted =
                ResultsCsv.byCode(runDir.resolve("not-submitted.csv")).size();
        int notRated = ResultsCsv.byCode(runDir.resolve("not-rated.csv")).size();
        int dissolved = ResultsCsv.byCode(runDir.resolve("dissolved.csv")).size();
        assertThat(List.of(scored, notSubmitted, notRated, dissolved)).containsExactly(20, 0, 1, 1);
        assertThat(scored + notSubmitted + notRated + dissolved).isEqualTo(22);
    }

    @Test
    void theBranchDissolvedInMidYearAndTheOneTooNewAreListedWithTheirKindAndWhy() throws Exception {
        CSVRecord tooNew = ResultsCsv.byCode(runDir.resolve("not-rated.csv")).get("HT-DN-09");
        assertThat(tooNew.get("kind")).isEqualTo("doanh-nghiep");
        assertThat(tooNew.get("reason"))
                .isEqualTo("thành lập ngày 31/08/2026: chưa đủ thời gian hoạt động để xếp loại năm nay"
                        + " (được xếp loại từ 31/08/2027)");
        CSVRecord dissolved = ResultsCsv.byCode(runDir.resolve("dissolved.csv")).get("HT-SN-13");
        assertThat(dissolved.get("reason")).isEqualTo("đã giải thể ngày 15/06/2026: không thuộc năm đánh giá");
        // its submission was still read and checked: the tables' 15 and 4 rows, and 2 forms
        assertThat(Files.readAllLines(runDir.resolve("summary.txt")).get(0))
                .contains("Bản nộp đã đọc: 21, nhận: 21, loại: 0.");
    }

    @Test
    void movedMergedAndSplitBranchesShowTheir2025TiersInTheYearOverYear() throws Exception {
        Map<String, List<String>> movements = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            for (Row row : workbook.getSheet("Thống kê")) {
                List<String> cells = texts(row);
                if (!cells.isEmpty()
                        && cells.get(0).startsWith("HT-")
                        && List.of("UP", "SAME", "DOWN", "NEW").contains(cells.get(cells.size() - 1))) {
                    movements.put(cells.get(0), cells);
                }
            }
        }
        // moved: CDCS-036 was XS in 2025; merged: CDCS-043 (TOT) and CDCS-044 (HT); split from CDCS-033 (TOT)
        assertThat(movements.get("HT-SN-01").subList(2, 5)).containsExactly("XS", "XS", "SAME");
        assertThat(movements.get("HT-SN-05").subList(2, 5)).containsExactly("TOT; HT", "TOT", "SAME");
        assertThat(movements.get("HT-SN-08").get(2)).isEqualTo("TOT");
        assertThat(movements.get("HT-SN-09").get(2)).isEqualTo("TOT");
        // an enterprise new to the federation has no past
        assertThat(movements.get("HT-DN-01")).endsWith("NEW");
        // and the integrity scan follows the lineage too: the radio's 68.5 of 2025 is its predecessor's
        assertThat(Files.readString(runDir.resolve("integrity.csv"))).contains("HT-SN-10", "68,5");
    }

    @Test
    void leadersReadEachKindsResultsUnderItsTitleNeverItsId() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            // the control page names the input files, one of which a person named after a kind's id
            text = text.substring(0, text.indexOf("THÔNG TIN KIỂM SOÁT"));
            assertThat(text)
                    .contains("LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH")
                    .contains("Số: /BC-LĐLĐ")
                    .contains("Loại hình: Công đoàn cơ sở doanh nghiệp")
                    .contains("Loại hình: Công đoàn cơ sở đơn vị sự nghiệp công lập")
                    .contains("KẾT QUẢ XẾP HẠNG KHỐI PHƯỜNG THÀNH SEN – Công đoàn cơ sở doanh nghiệp")
                    .contains("KẾT QUẢ XẾP HẠNG KHỐI PHƯỜNG THÀNH SEN – Công đoàn cơ sở đơn vị sự nghiệp công lập")
                    .contains("Trần Văn Hùng")
                    .doesNotContain("doanh-nghiep")
                    .doesNotContain("don-vi-su-nghiep");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            Sheet ranking = workbook.getSheet("Xếp hạng");
            assertThat(texts(ranking.getRow(0)).subList(0, 2)).containsExactly("Loại hình", "Mã");
            Map<String, String> kindOf = new HashMap<>();
            for (Row row : ranking) {
                List<String> cells = texts(row);
                kindOf.put(cells.get(1), cells.get(0));
            }
            assertThat(kindOf.get("HT-DN-05")).isEqualTo("Công đoàn cơ sở doanh nghiệp");
            assertThat(kindOf.get("HT-SN-12")).isEqualTo("Công đoàn cơ sở đơn vị sự nghiệp công lập");
            Sheet notRated = workbook.getSheet("Chưa xếp loại");
            assertThat(texts(notRated.getRow(1))).startsWith("Công đoàn cơ sở doanh nghiệp", "HT-DN-09");
        }
        assertThat(Files.list(runDir.resolve("charts")).map(p -> p.getFileName().toString()))
                .contains("doanh-nghiep-tiers.png", "don-vi-su-nghiep-tiers.svg");
    }

    @Test
    void theRunRecordsEachRuleFileOfTheFolderAndReplaysIdenticallyFromItsArchive() throws Exception {
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        assertThat(manifest.rules().name()).isEqualTo("2026");
        assertThat(manifest.ruleFiles())
                .extracting(Manifest.Archived::name)
                .containsExactly("doanh-nghiep.yaml", "don-vi-su-nghiep.yaml", "don-vi-su-nghiep.checks.yaml");
        assertThat(manifest.counts().notRated()).isEqualTo(1);
        assertThat(manifest.counts().dissolved()).isEqualTo(1);
        CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(runDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("trùng khớp");
    }

    @Test
    void aBranchsFormIsItsKindsAndABlankOneNeedsTheKindSaid() throws Exception {
        Path out = dir.resolve("forms");
        CliRun blank = CliRun.of(
                "template", "--year", "2026", "--out", out.resolve("blank.xlsx").toString());
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--kind (doanh-nghiep, don-vi-su-nghiep)");
        CliRun enterprise = CliRun.of(
                "template",
                "--year",
                "2026",
                "--registry",
                dir.resolve("input/2026/registry.csv").toString(),
                "--branch",
                "HT-DN-02",
                "--out",
                out.resolve("HT-DN-02.xlsx").toString());
        assertThat(enterprise.exitCode()).as(enterprise.err()).isZero();
        List<String> ids = new ArrayList<>();
        try (XSSFWorkbook form = new XSSFWorkbook(Files.newInputStream(out.resolve("HT-DN-02.xlsx")))) {
            for (Row row : form.getSheetAt(0)) {
                ids.addAll(texts(row));
            }
        }
        assertThat(ids).contains("T1", "K2", "agreement_signed").doesNotContain("A1", "finance_violation");
    }

    private static List<String> texts(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        if (row != null) {
            for (Cell cell : row) {
                cells.add(format.formatCellValue(cell));
            }
        }
        return cells;
    }
}
