package vn.unionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Digests;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/** verify replays from the archive alone: identical when nothing changed; a changed byte or result is named. */
class VerifyTest {

    @TempDir
    static Path output;

    static Path runDir;
    static Manifest manifest;

    @BeforeAll
    static void run() throws Exception {
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
        manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
    }

    @Test
    void theManifestNamesEverythingAnAuditorAsksFor() {
        assertThat(manifest.software()).startsWith("union-review ");
        assertThat(manifest.rules().name()).isEqualTo("2025.yaml");
        assertThat(manifest.inputs())
                .extracting(Manifest.Archived::name)
                .hasSize(33)
                .startsWith(
                        "registry.csv", "tables/bang-tong-hop.csv", "tables/khoi-giao-duc.xlsx", "forms/CDCS-036.xlsx")
                .contains("forms/CDCS-055.xls", "forms/CDCS-061 (bản scan).pdf");
        assertThat(manifest.inputs())
                .filteredOn(a -> a.name().startsWith("forms/"))
                .extracting(Manifest.Archived::role)
                .containsOnly("form");
        assertThat(manifest.duplicates()).isEqualTo("reject-all");
        assertThat(manifest.outputs())
                .extracting(Manifest.Output::name)
                .contains("results.csv", "report.pdf", "results.xlsx", "charts/tiers.png");
        assertThat(manifest.counts()).isEqualTo(new Manifest.Counts(63, 64, 54, 10, 7, null, null, 2));
        assertThat(manifest.jobExecutionId()).isPositive();
        assertThat(manifest.resultDigest()).hasSize(64);
        for (Manifest.Archived a : manifest.inputs()) {
            assertThat(Digests.sha256(output.resolve(a.archive()))).isEqualTo(a.sha256());
        }
    }

    @Test
    void anUntouchedRunVerifiesIdentical() {
        CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(runDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("trùng khớp: mã kết quả " + manifest.resultDigest());
    }

    @Test
    void aTamperedArchiveFileIsRefusedBeforeReplay(@TempDir Path copy) throws Exception {
        Path out = copyOutput(copy);
        Path archived = out.resolve(manifest.inputs().get(1).archive());
        archived.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(archived);
        bytes[100] ^= 1; // one bit of one byte
        Files.write(archived, bytes);
        CliRun verify = CliRun.of(
                "verify",
                out.resolve("2025")
                        .resolve(runDir.getFileName())
                        .resolve(RunFile.MANIFEST.fileName())
                        .toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.err())
                .contains("Không chạy lại", "bản lưu trữ của tables/bang-tong-hop.csv không khớp mã SHA-256 đã ghi");
        assertThat(verify.out()).doesNotContain("Replaying");
    }

    @Test
    void aResultThatNoLongerComesOutIsNamedByBranchAndField(@TempDir Path copy) throws Exception {
        // as if an older version had computed CDCS-001's total as 78: results.csv and the manifest say so consistently
        Path out = copyOutput(copy);
        Path dir = out.resolve("2025").resolve(runDir.getFileName());
        Path results = dir.resolve("results.csv");
        String csv = Files.readString(results, StandardCharsets.UTF_8);
        String row =
                csv.lines().filter(l -> l.startsWith("CDCS-001,")).findFirst().orElseThrow();
        Files.writeString(
                results, csv.replace(row, row.replace(",79.5,0,2,77.5,", ",79.5,0,2,78,")), StandardCharsets.UTF_8);
        String json = Files.readString(RunFile.MANIFEST.in(dir))
                .replace(manifest.resultDigest(), "0".repeat(64))
                .replace(Digests.sha256(runDir.resolve("results.csv")), Digests.sha256(results));
        Files.writeString(RunFile.MANIFEST.in(dir), json);

        CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(dir).toString());
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out())
                .contains(
                        "KHÁC với lần chạy đã ghi",
                        "công đoàn cơ sở CDCS-001, total: 78 → 77.5",
                        "results.csv: SHA-256");
    }

    @Test
    void notAManifestIsBadUsage(@TempDir Path dir) throws Exception {
        Path bogus = Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"something-else\"}");
        assertThat(CliRun.of("verify", bogus.toString()).exitCode()).isEqualTo(2);
    }

    private static Path copyOutput(Path target) throws Exception {
        try (var files = Files.walk(output)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(output.relativize(p));
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        return target;
    }
}
