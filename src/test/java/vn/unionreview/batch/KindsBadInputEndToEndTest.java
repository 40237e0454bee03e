package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.ResultsCsv;
import vn.unionreview.cli.CliRun;

/**
 * The sample year 2026 with each mistake a year ruled by kind invites: a kind the year has no rules for, a kind left
 * empty, a value in another kind's column, a table without a column its row's kind needs. Each is named where it is,
 * the run goes on, and every branch and row is accounted for.
 */
class KindsBadInputEndToEndTest {

    @TempDir
    static Path dir;

    static Path runDir;
    static CliRun run;

    @BeforeAll
    static void aYearWithKindMistakes() throws Exception {
        Path year = Fixtures.copySampleYear(2026, dir.resolve("input/2026"));
        edit(
                year.resolve("registry.csv"),
                line -> line.startsWith("HT-DN-04,")
                        ? line.replace(",doanh-nghiep,", ",ngan-hang,")
                        : line.startsWith("HT-DN-02,") ? line.replace(",doanh-nghiep,", ",,") : line);
        // HT-SN-03, a public unit, with an enterprise criterion's value
        Path table = year.resolve("tables/bang-tong-hop.csv");
        List<String> header = List.of(Files.readAllLines(table, StandardCharsets.UTF_8)
                .get(0)
                .replace("\uFEFF", "")
                .split(","));
        int t1 = header.indexOf("T1");
        edit(table, line -> {
            if (!line.startsWith("HT-SN-03,")) {
                return line;
            }
            String[] cells = line.split(",", -1);
            cells[t1] = "12";
            return String.join(",", cells);
        });
        // HT-DN-06 moves to a table of enterprise columns that lacks K2
        List<String> moved = new ArrayList<>();
        edit(table, line -> {
            if (line.startsWith("HT-DN-06,")) {
                moved.add(line);
                return null;
            }
            return line;
        });
        List<String> narrow = new ArrayList<>(header);
        narrow.remove("K2");
        String[] row = moved.get(0).split(",", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).equals("K2")) {
                kept.add(row[i]);
            }
        }
        Files.write(
                year.resolve("tables/thieu-cot.csv"),
                List.of(String.join(",", narrow), String.join(",", kept)),
                StandardCharsets.UTF_8);
        // the council raises a public unit's tier on its kind's tiers, and grants an award to a branch not rated
        Fixtures.councilDecisions(
                year,
                "{branch: HT-SN-11, tier: TOT, reason: \"Hội đồng xét lại\"}",
                "{branch: HT-DN-04, award: GK, action: grant, reason: \"Đề nghị của phường\"}");
        run = CliRun.withConsole(
                "run",
                "--year",
                "2026",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve("output").toString(),
                "--report-date",
                "2026-12-20");
        runDir = Path.of(run.lastLine());
    }

    private interface LineEdit {
        String apply(String line);
    }

    private static void edit(Path file, LineEdit edit) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String edited = edit.apply(line.replace("\uFEFF", ""));
            if (edited != null) {
                lines.add(edited);
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void theRunGoesOnAndNoStackTraceReachesTheConsole() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aKindWithoutRulesAndAnEmptyKindAreRefusedWithTheirCellAndTheBranchesListedAsNotRated() throws Exception {
        List<CSVRecord> rejected = ResultsCsv.records(runDir.resolve("rejected.csv"));
        CSVRecord unknown = only(rejected, "HT-DN-04", "registry.kind_unknown");
        assertThat(unknown.get("file")).isEqualTo("registry.csv");
        assertThat(unknown.get("cell")).isEqualTo("D18");
        assertThat(unknown.get("value")).isEqualTo("ngan-hang");
        assertThat(unknown.get("reason"))
                .isEqualTo("loại hình ngan-hang không có bộ tiêu chí trong năm nay (các loại hình: doanh-nghiep,"
                        + " don-vi-su-nghiep): công đoàn cơ sở này không được xếp loại");
        assertThat(only(rejected, "HT-DN-02", "registry.kind_missing").get("cell"))
                .isEqualTo("D16");
        Map<String, CSVRecord> notRated = ResultsCsv.byCode(runDir.resolve("not-rated.csv"));
        assertThat(notRated.get("HT-DN-04").get("reason_code")).isEqualTo("rating.kind_without_rules");
        assertThat(notRated.get("HT-DN-02").get("reason_code")).isEqualTo("rating.no_kind");
        // their rows cannot be read on any kind's rules: rejected, with why
        assertThat(only(rejected, "HT-DN-04", "row.no_rules").get("file"))
                .isEqualTo("tables/khoi-doanh-nghiep-cong-nghiep.csv");
    }

    @Test
    void aValueInAnotherKindsColumnRejectsTheRowNamingTheCell() throws Exception {
        CSVRecord other = only(ResultsCsv.records(runDir.resolve("rejected.csv")), "HT-SN-03", "row.other_kind_value");
        assertThat(other.get("column")).isEqualTo("T1");
        assertThat(other.get("value")).isEqualTo("12");
        assertThat(other.get("reason"))
                .isEqualTo("cột T1 không phải tiêu chí của loại hình Công đoàn cơ sở đơn vị sự nghiệp công lập của công"
                        + " đoàn cơ sở này: để trống ở dòng này");
        assertThat(ResultsCsv.byCode(runDir.resolve("results.csv"))).doesNotContainKey("HT-SN-03");
    }

    @Test
    void aTableWithoutAColumnItsRowsKindNeedsRejectsThatRow() throws Exception {
        CSVRecord missing =
                only(ResultsCsv.records(runDir.resolve("rejected.csv")), "HT-DN-06", "row.kind_columns_missing");
        assertThat(missing.get("file")).isEqualTo("tables/thieu-cot.csv");
        assertThat(missing.get("reason"))
                .isEqualTo("công đoàn cơ sở thuộc loại hình Công đoàn cơ sở doanh nghiệp, mà bảng không có cột cho các"
                        + " tiêu chí K2 của loại hình này");
    }

    @Test
    void theCouncilDecidesWithinABranchsKindAndSaysWhatItCouldNotApply() throws Exception {
        CSVRecord raised = ResultsCsv.byCode(runDir.resolve("results.csv")).get("HT-SN-11");
        assertThat(raised.get("tier")).isEqualTo("TOT");
        assertThat(raised.get("decision")).isEqualTo("05/BB-HĐTĐKT");
        assertThat(run.out())
                .contains("quyết định của Hội đồng: áp dụng 1, không áp dụng 1 (số 2, HT-DN-04: công đoàn cơ sở"
                        + " HT-DN-04 không được xếp loại năm nay, lý do trong not-rated.csv)");
    }

    @Test
    void everyBranchAndEveryRowIsAccountedFor() throws Exception {
        int scored = ResultsCsv.byCode(runDir.resolve("results.csv")).size();
        int notSubmitted =
                ResultsCsv.byCode(runDir.resolve("not-submitted.csv")).size();
        int notRated = ResultsCsv.byCode(runDir.resolve("not-rated.csv")).size();
        int dissolved = ResultsCsv.byCode(runDir.resolve("dissolved.csv")).size();
        assertThat(notRated).isEqualTo(3);
        assertThat(scored + notSubmitted + notRated + dissolved).isEqualTo(22);
        String summary = Files.readAllLines(runDir.resolve("summary.txt")).get(0);
        // 21 read: 14 and 4 rows of the first tables, 1 of the narrow one, 2 forms; 4 rejected
        assertThat(summary).contains("Bản nộp đã đọc: 21, nhận: 17, loại: 4.");
    }

    private static CSVRecord only(List<CSVRecord> problems, String code, String reason) {
        List<CSVRecord> found = problems.stream()
                .filter(p -> p.get("code").equals(code) && p.get("reason_code").equals(reason))
                .toList();
        assertThat(found).as(code + " " + reason).hasSize(1);
        return found.get(0);
    }
}
