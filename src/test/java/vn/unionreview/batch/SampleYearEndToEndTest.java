package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.ResultsCsv;
import vn.unionreview.cli.CliRun;

/**
 * The shipped sample year, run through the real CLI, Spring Batch job and embedded H2, and the files read back.
 * Expected figures are computed by hand from input/2025 (shown beside each).
 */
class SampleYearEndToEndTest {

    @TempDir
    static Path output;

    static CliRun run;
    static Path runDir;
    static Map<String, CSVRecord> results;

    @BeforeAll
    static void runTheSampleYear() throws Exception {
        run = CliRun.of("run", "--year", "2025", "--output", output.toString());
        runDir = Path.of(run.lastLine());
        results = ResultsCsv.byCode(runDir.resolve("results.csv"));
    }

    @Test
    void printsTheSummaryAndTheRunFolderLast() {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        // in the configured language (Vietnamese), tiers by name
        assertThat(run.out())
                .contains(
                        "Danh sách: 63 công đoàn cơ sở. Bản nộp đã đọc: 64, nhận: 54, loại: 10. Chưa nộp: 7; đã nộp nhưng tệp không đọc được: 2.",
                        "  phiếu tự chấm: đọc 27 phiếu: nhận 24, loại 3; 3 tệp không đọc được");
        assertThat(run.out())
                .containsPattern(
                        "Xếp loại: Hoàn thành xuất sắc nhiệm vụ \\d+, Hoàn thành tốt nhiệm vụ \\d+, Hoàn thành nhiệm vụ \\d+,"
                                + " Không hoàn thành nhiệm vụ \\d+\\.")
                .doesNotContain("XS ", "TOT ", "rows", "branches");
        assertThat(runDir).isDirectory().startsWith(output.resolve("2025"));
        assertThat(runDir.resolve("results.csv")).isRegularFile();
        assertThat(runDir.resolve("results.xlsx")).isRegularFile();
        assertThat(runDir.resolve("rejected.csv")).isRegularFile();
        assertThat(runDir.resolve("summary.txt"))
                .content(StandardCharsets.UTF_8)
                .startsWith(
                        "Danh sách: 63 công đoàn cơ sở. Bản nộp đã đọc: 64, nhận: 54, loại: 10. Chưa nộp: 7; đã nộp nhưng tệp không đọc được: 2.\n"
                                + "Tệp: đọc 2 bảng và 27 phiếu, 3 tệp không đọc được. Ô đã đọc: 2.294, nhận: 1.934, loại: 360.\n"
                                + "Xếp loại: Hoàn thành xuất sắc nhiệm vụ ");
    }

    @Test
    void matchesAHandComputationBranchByBranch() {
        // CDCS-001: A 7+8.5+7.5 = 23, B 8.5+7.5 = 16, C 7+8.5+8.5 = 24, D 8.5+8 = 16.5 → base 79.5; F1 2 → 77.5: TOT
        assertResult("CDCS-001", "79.5", "0", "2", "77.5", "TOT", "TOT", "0", "");
        // CDCS-002: base 29.5+20+29.5+19.5 = 98.5, bonus 1+1 → 100.5, XS; declared a work stoppage → capped at HT
        assertResult("CDCS-002", "98.5", "2", "0", "100.5", "XS", "HT", "0", "work_stoppage");
        // CDCS-003: B1 "8,5" (decimal comma) verified 7, C3 6.5 verified 6: A 22, B 7+7.5, C 6.5+6.5+6, D 13
        //   → 68.5: HT; inflation (8.5−7) + (6.5−6) = 2
        assertResult("CDCS-003", "68.5", "0", "0", "68.5", "HT", "HT", "2", "");
        // CDCS-009: A3 9 verified 7.5, B2 7 verified 5.5: A 24, B 13.5, C 27, D 16.5 → 81: TOT; inflation 3
        assertResult("CDCS-009", "81", "0", "0", "81", "TOT", "TOT", "3", "");
        // CDCS-041: A2 6.5→5.5, B2 6.5→5.5: A 19.5, B 13, C 19.5, D 13.5 → 65.5; F1 2 → 63.5: HT; inflation 2
        assertResult("CDCS-041", "65.5", "0", "2", "63.5", "HT", "HT", "2", "");
        // CDCS-039: A 27.5, B 18.5, C 27.5, D 18.5 (every group ≥ 80%) → 92, E1 0.5 → 92.5: XS before caps.
        //   Khối Y tế has 10 branches: floor(0.3 × 10) = 3 may stay XS; 036 (101.5), 037 (99), 038 (96) rank above it
        assertResult("CDCS-039", "92", "0.5", "0", "92.5", "XS", "TOT", "0", "");
        assertThat(results.get("CDCS-039").get("rank_bloc")).isEqualTo("4");
        assertThat(results.get("CDCS-039").get("demoted_by_quota")).isEqualTo("true");
        // everything ranked above it overall holds a flag or a certificate of merit, or is capped: first for GK
        assertThat(results.get("CDCS-039").get("award")).isEqualTo("GK");
        // CDCS-036: A 29.5, B 19.5, C 29.5, D 20 → 98.5, bonus 2+1 = 3 → 101.5: first of its bloc and overall
        assertThat(results.get("CDCS-036").get("rank_all")).isEqualTo("1");
        assertThat(results.get("CDCS-036").get("award")).isEqualTo("CO");
    }

    @Test
    void twoSchoolsTiedAtTheTopAreBothProposedForTheFlagAndFlaggedForTheCouncil() {
        for (String code : List.of("CDCS-024", "CDCS-025")) {
            CSVRecord r = results.get(code);
            assertThat(r.get("total")).isEqualTo("100.5"); // 98 + 2.5
            assertThat(r.get("rank_bloc")).isEqualTo("1");
            assertThat(r.get("award")).isEqualTo("CO");
            assertThat(r.get("award_tie")).isEqualTo("true");
        }
    }

    @Test
    void everyRowReadIsAcceptedOrRejectedWithWhereAndWhy() throws Exception {
        assertThat(results).hasSize(54);
        List<CSVRecord> rejected = ResultsCsv.records(runDir.resolve("rejected.csv"));
        // reasons in the run's language (Vietnamese), each with its stable code
        assertThat(rejected)
                .extracting(r -> r.get("file") + ":" + r.get("row") + ":" + r.get("cell") + ":" + r.get("reason_code")
                        + ":" + r.get("reason"))
                .containsExactly(
                        "forms/CDCS-050.xlsx:24:E24:cell.not_a_number:giá trị 'tốt' không phải là số",
                        "forms/CDCS-053.xlsx:17:E17:cell.formula_without_value:ô có công thức nhưng chưa có giá trị được lưu",
                        "forms/CDCS-059.xlsx:::form.skipped:tệp có đặt mật khẩu nên không đọc được: tệp không được dùng",
                        "forms/CDCS-060 (gửi lại).xlsx:8::duplicate.all_rejected:công đoàn cơ sở CDCS-060 gửi nhiều hơn một bản (bản này và forms/CDCS-060.xls); tất cả đều chưa được dùng",
                        "forms/CDCS-060.xls:8::duplicate.all_rejected:công đoàn cơ sở CDCS-060 gửi nhiều hơn một bản (bản này và forms/CDCS-060 (gửi lại).xlsx); tất cả đều chưa được dùng",
                        "forms/CDCS-061 (bản scan).pdf:::form.skipped:tệp là PDF (bản chụp), không phải bảng tính: tệp không được dùng",
                        "forms/CDCS-062.xls:::form.skipped:tệp bị hỏng hoặc không đầy đủ, không mở được như một bảng tính: tệp không được dùng",
                        "forms/CDCS-098.xlsx:8:C8:code.not_in_registry:mã CDCS-098 không có trong danh sách công đoàn cơ sở",
                        "tables/bang-tong-hop.csv:8:D8:score.above_maximum:điểm 12 vượt điểm tối đa 10 của tiêu chí A2",
                        "tables/bang-tong-hop.csv:17:J17:score.off_step:điểm 7,3 không theo bước điểm 0,5",
                        "tables/bang-tong-hop.csv:25:A25:code.not_in_registry:mã CDCS-099 không có trong danh sách công đoàn cơ sở",
                        "tables/bang-tong-hop.csv:26::duplicate.all_rejected:công đoàn cơ sở CDCS-029 gửi nhiều hơn một bản (bản này và tables/khoi-giao-duc.xlsx dòng 7); tất cả đều chưa được dùng",
                        "tables/khoi-giao-duc.xlsx:7::duplicate.all_rejected:công đoàn cơ sở CDCS-029 gửi nhiều hơn một bản (bản này và tables/bang-tong-hop.csv dòng 26); tất cả đều chưa được dùng");
        List<CSVRecord> corrections = ResultsCsv.records(runDir.resolve("corrections.csv"));
        assertThat(corrections)
                .extracting(r -> r.get("severity") + ":" + r.get("file") + ":" + r.get("cell") + ":"
                        + r.get("reason_code") + ":" + r.get("reason"))
                .contains(
                        "NOTE:forms/CDCS-047.xlsx::row.not_scored:tiêu chí chưa chấm (để trống, tính 0 điểm): E1",
                        "CORRECTED:forms/CDCS-048.xlsx:E13:cell.read_as:giá trị '6,5 điểm' được đọc là 6,5 (bỏ đơn vị 'điểm', dấu phẩy thập phân, số lưu dạng chữ)",
                        "CORRECTED:forms/CDCS-052.xlsx:E14:cell.read_as:giá trị '8.5' được đọc là 8,5 (số lưu dạng chữ)",
                        "CORRECTED:forms/CDCS-057.xls:C9:name.legacy_font:chữ gõ bằng phông TCVN3 (ABC) được đọc là 'Công đoàn Cơ quan ủy ban nhân dân huyện Bắc Bình'",
                        "CORRECTED:forms/CDCS-057.xls:E40:cell.legacy_font:chữ gõ bằng phông TCVN3 (ABC) 'Cã' được đọc là 'Có'",
                        "CORRECTED:forms/CDCS-058.xls:C9:name.legacy_font:chữ gõ bằng phông VNI được đọc là 'Công đoàn Cơ quan Ủy ban nhân dân huyện Nam Đàn'",
                        "CORRECTED:forms/CDCS-058.xls:E37:cell.legacy_font:chữ gõ bằng phông VNI 'Khoâng' được đọc là 'Không'",
                        "CORRECTED:tables/bang-tong-hop.csv:F4:cell.read_as:giá trị '8,5' được đọc là 8,5 (dấu phẩy thập phân)");
        List<CSVRecord> missing = ResultsCsv.records(runDir.resolve("not-submitted.csv"));
        assertThat(missing)
                .extracting(r -> r.get("code") + ":" + r.get("reason"))
                .containsExactly(
                        "CDCS-007:bản dữ liệu duy nhất bị từ chối: xem rejected.csv",
                        "CDCS-016:bản dữ liệu duy nhất bị từ chối: xem rejected.csv",
                        "CDCS-029:cả 2 bản dữ liệu đều bị từ chối: xem rejected.csv",
                        "CDCS-050:bản dữ liệu duy nhất bị từ chối: xem rejected.csv",
                        "CDCS-053:bản dữ liệu duy nhất bị từ chối: xem rejected.csv",
                        "CDCS-059:đã nộp nhưng không đọc được: forms/CDCS-059.xlsx (tệp có đặt mật khẩu nên không"
                                + " đọc được)",
                        "CDCS-060:cả 2 bản dữ liệu đều bị từ chối: xem rejected.csv",
                        "CDCS-062:đã nộp nhưng không đọc được: forms/CDCS-062.xls (tệp bị hỏng hoặc không đầy đủ,"
                                + " không mở được như một bảng tính)",
                        "CDCS-063:chưa nộp");
        // 63 registry branches = 54 scored + 7 not submitted + 2 submitted, unreadable
        assertThat(results.size() + missing.size()).isEqualTo(63);
    }

    @Test
    void everyFileIsAccountedForCellByCell() throws Exception {
        List<CSVRecord> files = ResultsCsv.records(runDir.resolve("files.csv"));
        assertThat(files).hasSize(32); // 2 tables + 30 files in forms/
        for (CSVRecord f : files) {
            assertThat(Integer.parseInt(f.get("cells_read")))
                    .as(f.get("file"))
                    .isEqualTo(Integer.parseInt(f.get("cells_accepted")) + Integer.parseInt(f.get("cells_rejected")));
            assertThat(Integer.parseInt(f.get("submissions")))
                    .as(f.get("file"))
                    .isEqualTo(Integer.parseInt(f.get("accepted")) + Integer.parseInt(f.get("rejected")));
        }
        Map<String, CSVRecord> byFile = new HashMap<>();
        files.forEach(f -> byFile.put(f.get("file"), f));
        // a form: year, code, name, 14 self scores, 14 verified, 6 facts
        assertThat(byFile.get("forms/CDCS-036.xlsx").get("cells_read")).isEqualTo("37");
        CSVRecord rejectedForm = byFile.get("forms/CDCS-050.xlsx");
        assertThat(rejectedForm.get("cells_rejected") + "/" + rejectedForm.get("invalid_cells"))
                .isEqualTo("37/1");
        assertThat(byFile.get("forms/CDCS-059.xlsx").get("status")).isEqualTo("not read");
        assertThat(byFile.get("forms/CDCS-057.xls").get("corrected_cells")).isEqualTo("5");
        CSVRecord edited = byFile.get("forms/CDCS-044.xlsx");
        assertThat(edited.get("status") + "/" + edited.get("accepted"))
                .as("rows inserted, sheet renamed")
                .isEqualTo("read/1");
    }

    @Test
    void resultsAreSortedByBlocInVietnameseOrderThenRank() throws Exception {
        List<CSVRecord> rows = ResultsCsv.records(runDir.resolve("results.csv"));
        assertThat(rows.stream().map(r -> r.get("bloc")).distinct())
                .containsExactly(
                        "Khối Đảng, đoàn thể",
                        "Khối Giáo dục - Đào tạo",
                        "Khối Huyện, thị xã, thành phố",
                        "Khối Quản lý nhà nước",
                        "Khối Sự nghiệp",
                        "Khối Y tế");
        assertThat(rows.get(0).get("rank_bloc")).isEqualTo("1");
        // ranking.tier_first: CDCS-002 (100.5, the bloc's best total, capped at HT) ranks below the bloc's four TOT
        // branches (008 85.5, 009 81, 001 77.5, 004 70.5), so the bloc opens with CDCS-008; by total alone it was first
        assertThat(rows.get(0).get("code")).isEqualTo("CDCS-008");
        assertThat(rows.get(0).get("name")).isEqualTo("Công đoàn Hội Nông dân tỉnh");
        assertThat(results.get("CDCS-002").get("rank_bloc")).isEqualTo("5");
    }

    @Test
    void theSameRunIsNotRepeatedAndADeliberateRerunGivesIdenticalFiles() throws Exception {
        CliRun again = CliRun.of("run", "--year", "2025", "--output", output.toString());
        assertThat(again.exitCode()).isEqualTo(0);
        assertThat(again.out()).contains("đã chạy xong ở lần chạy " + runDir.getFileName());
        assertThat(again.lastLine()).isEqualTo(runDir.toString());

        CliRun rerun = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--rerun");
        Path rerunDir = Path.of(rerun.lastLine());
        assertThat(rerunDir.getFileName().toString()).isEqualTo(runDir.getFileName() + "-2");
        for (String file :
                List.of("results.csv", "rejected.csv", "corrections.csv", "not-submitted.csv", "summary.txt")) {
            assertThat(Files.readAllBytes(rerunDir.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(runDir.resolve(file)));
        }
    }

    private static void assertResult(
            String code,
            String base,
            String bonus,
            String penalty,
            String total,
            String tierBeforeCaps,
            String tier,
            String inflation,
            String caps) {
        CSVRecord r = results.get(code);
        assertThat(r).as(code + " in results.csv").isNotNull();
        assertThat(List.of(
                        r.get("base"),
                        r.get("bonus"),
                        r.get("penalty"),
                        r.get("total"),
                        r.get("tier_before_caps"),
                        r.get("tier"),
                        r.get("inflation"),
                        r.get("caps")))
                .as(code)
                .containsExactly(base, bonus, penalty, total, tierBeforeCaps, tier, inflation, caps);
    }
}
