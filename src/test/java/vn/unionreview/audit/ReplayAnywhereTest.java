package vn.unionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.Slow;
import vn.unionreview.cli.ChildRun;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/**
 * An auditor's replay needs nothing but the run folder: the sample year with letters, the council's decisions and a
 * published decision, run from the project folder with its configured letterhead and signer, verifies identical from a
 * folder with no configuration and from one whose configuration names another signer and agency (told as information).
 * The same inputs run with that other configuration are another run.
 */
@Slow // child JVMs started in other folders
class ReplayAnywhereTest {

    private static final String OTHER_CONFIGURATION = """
            union-review:
              report:
                issuing-body: {vi: Công đoàn Viên chức tỉnh Nghệ An, en: Nghe An Provincial Public-Servant Union}
                place: {vi: Nghệ An, en: Nghe An}
                signer:
                  name: Trần Văn Khác
              feedback:
                document-number: "  /KHÁC"
            """;

    @TempDir
    static Path dir;

    static Path input;
    static Path output;
    static Path runDir;
    static Manifest manifest;

    @BeforeAll
    static void aPublishedRunWithLettersAndDecisions() throws Exception {
        Path year = Fixtures.copySampleYear(dir.resolve("input/2025"));
        Fixtures.councilDecisions(year, "{branch: CDCS-002, tier: TOT, reason: \"Khiếu nại được chấp nhận\"}");
        input = dir.resolve("input");
        output = dir.resolve("output");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--report-date",
                "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
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
        manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
    }

    @Test
    void theManifestRecordsTheSettingsThatShapedTheOutputs() {
        assertThat(manifest.settings())
                .containsEntry("union-review.report.signer.name", "Nguyễn Thị Minh Hằng")
                .containsEntry("union-review.report.issuing-body.vi", "Công đoàn Viên chức tỉnh Hà Tĩnh")
                .containsEntry("union-review.report.place.vi", "Hà Tĩnh")
                .containsEntry("union-review.report.archive", "VT, ToC")
                .containsEntry("union-review.feedback.document-number", "     /CĐVC")
                .containsEntry("union-review.feedback.enabled", "true")
                .containsEntry("union-review.report.appendix-rows", "30")
                .containsEntry("union-review.input.limits.table-rows", "1048576")
                .containsKey("union-review.report.recipients.vi[0]");
        assertThat(manifest.outputs())
                .extracting(Manifest.Output::name)
                .contains("feedback/CDCS-003.pdf", "report.pdf");
    }

    @Test
    void verifiesIdenticalFromAFolderWithNoConfiguration() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        List<String> lines = verifyIn(empty);
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("trùng khớp: mã kết quả " + manifest.resultDigest())
                        .doesNotContain("báo cáo PDF so theo kết quả"));
        assertThat(lines)
                .contains("đã chạy lại với thiết lập ghi trong manifest; thiết lập của thư mục này khác (chỉ để biết):")
                .contains("  union-review.report.signer.name: \"Nguyễn Thị Minh Hằng\" → \"\"");
    }

    @Test
    void verifiesIdenticalFromAFolderConfiguredForAnotherSignerAndAgency() throws Exception {
        Path other = otherOffice();
        List<String> lines = verifyIn(other);
        assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("trùng khớp: mã kết quả " + manifest.resultDigest()));
        assertThat(lines)
                .contains(
                        "  union-review.report.signer.name: \"Nguyễn Thị Minh Hằng\" → \"Trần Văn Khác\"",
                        "  union-review.report.issuing-body.vi: \"Công đoàn Viên chức tỉnh Hà Tĩnh\" → \"Công đoàn Viên chức tỉnh Nghệ An\"",
                        "  union-review.feedback.document-number: \"     /CĐVC\" → \"  /KHÁC\"");
    }

    @Test
    void theSameInputsWithAnotherSignerAreAnotherRun() throws Exception {
        Path other = otherOffice();
        try (ChildRun run = ChildRun.startIn(
                other,
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--rules",
                Path.of("config/rules/2025.yaml").toAbsolutePath().toString(),
                "--report-date",
                "2026-01-05")) {
            assertThat(run.waitFor()).as(String.join("\n", run.lines)).isZero();
            Path otherRun = Path.of(run.lines.get(run.lines.size() - 1));
            assertThat(otherRun.getFileName()).isNotEqualTo(runDir.getFileName());
            Manifest otherManifest = Manifest.read(RunFile.MANIFEST.in(otherRun));
            assertThat(otherManifest.resultDigest()).isEqualTo(manifest.resultDigest());
            assertThat(otherManifest.settings()).containsEntry("union-review.report.signer.name", "Trần Văn Khác");
        }
    }

    private static Path otherOffice() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("config"));
        Files.writeString(other.resolve("config/application.yml"), OTHER_CONFIGURATION);
        return other;
    }

    private static List<String> verifyIn(Path workingDir) throws Exception {
        try (ChildRun verify = ChildRun.startIn(
                workingDir, "verify", RunFile.MANIFEST.in(runDir).toString())) {
            int exit = verify.waitFor();
            assertThat(exit).as(String.join("\n", verify.lines)).isZero();
            return verify.lines;
        }
    }
}
