package vn.unionreview.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Digests;
import vn.unionreview.Fixtures;
import vn.unionreview.ResultsCsv;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;

/**
 * The sample year with the council's decisions: the tie of the two schools settled by withdrawing the flag from one, a
 * complaint upheld, and a decision that does not fit the data; read back from results.csv, the report, the manifest,
 * and replayed by verify.
 */
class DecisionsEndToEndTest {

    private static final String DECISIONS = """
            format: union-review/decisions/v1
            meeting: {number: "05/BB-HĐTĐKT", date: 2026-01-10}
            decisions:
              - branch: CDCS-025
                award: CO
                action: withdraw
                reason: "Hai trường bằng điểm; Hội đồng chọn trường có mô hình được nhân rộng"
              - branch: CDCS-999
                award: CO
                action: withdraw
                reason: "Nhầm mã"
              - branch: CDCS-002
                tier: TOT
                reason: "Khiếu nại được chấp nhận"
            """;

    @TempDir
    Path dir;

    private Path sampleWith(String decisions) throws Exception {
        Path year = Fixtures.copySampleYear(dir.resolve("input/2025"));
        Files.writeString(year.resolve("decisions.yaml"), decisions);
        return dir.resolve("input");
    }

    @Test
    void theCouncilSettlesATieUpholdsAComplaintAndSaysWhatItCouldNotApply() throws Exception {
        Path input = sampleWith(DECISIONS);
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("output").toString(),
                "--report-date",
                "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "quyết định của Hội đồng: áp dụng 2, không áp dụng 1 (số 2, CDCS-999: không có công đoàn cơ sở mã CDCS-999 trong danh sách năm nay)");
        Path runDir = Path.of(run.lastLine());
        Map<String, CSVRecord> results = ResultsCsv.byCode(runDir.resolve("results.csv"));
        // without decisions, CDCS-024 and CDCS-025 (100.5 each) are both proposed for the flag, tied
        assertThat(results.get("CDCS-024").get("award")).isEqualTo("CO");
        assertThat(results.get("CDCS-024").get("award_tie"))
                .as("the tie is settled")
                .isEqualTo("false");
        assertThat(results.get("CDCS-024").get("decision")).isEmpty();
        assertThat(results.get("CDCS-025").get("award")).isEmpty();
        assertThat(results.get("CDCS-025").get("decision")).isEqualTo("05/BB-HĐTĐKT");
        assertThat(results.get("CDCS-002").get("tier")).isEqualTo("TOT");
        assertThat(results.get("CDCS-002").get("tier_before_caps")).isEqualTo("XS");

        String report;
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            report = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(report)
                .contains(
                        "biên bản số 05/BB-HĐTĐKT, 10/01/2026",
                        "Rút đề nghị Cờ thi đua xuất sắc",
                        "Hai trường bằng điểm; Hội đồng chọn trường",
                        "Đã áp dụng",
                        "Không áp dụng: Không có công đoàn cơ sở mã CDCS-999 trong danh sách năm nay");

        Manifest manifest = Manifest.read(runDir.resolve("manifest.json"));
        assertThat(manifest.inputs()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("decisions.yaml");
            assertThat(i.role()).isEqualTo("decisions");
            assertThat(i.sha256()).isEqualTo(Digests.sha256(input.resolve("2025/decisions.yaml")));
        });
        assertThat(manifest.decisions()).extracting(Manifest.Decision::applied).containsExactly(true, false, true);

        CliRun verify = CliRun.of("verify", runDir.resolve("manifest.json").toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("trùng khớp");
    }

    @Test
    void aDecisionsFileThatBreaksTheFormatIsRefusedBeforeAnyDataIsRead() throws Exception {
        Path input = sampleWith(DECISIONS.replace("action: withdraw", "action: keep"));
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("output").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "không dùng được tệp quyết định của Hội đồng",
                        "decisions[0].action: phải là withdraw (rút) hoặc grant (đề nghị thêm), tệp ghi 'keep'");
        assertThat(dir.resolve("output/2025")).doesNotExist();
    }
}
