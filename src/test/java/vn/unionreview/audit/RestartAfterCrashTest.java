package vn.unionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.cli.CliRun;
import vn.unionreview.sample.SampleGenerator;

/**
 * A run killed with SIGKILL halfway (during ingest, during scoring, during the export) and resumed finishes with
 * exactly the results, counts and files of an uninterrupted run: nothing read twice, nothing lost.
 */
@org.junit.jupiter.api.Tag("slow") // child JVMs, many runs, or a database server: `mvn verify` runs it, `mvn test` does not
class RestartAfterCrashTest {

    static final int BRANCHES = 20_000;

    @TempDir
    static Path dir;
    static Path input;
    static Path cleanRun;

    @BeforeAll
    static void anUninterruptedRun() throws Exception {
        input = dir.resolve("input");
        new SampleGenerator(7).writeSynthetic(input, 2025, BRANCHES);
        CliRun clean = CliRun.of(args(dir.resolve("clean")));
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        cleanRun = Path.of(clean.lastLine());
    }

    private static String[] args(Path output, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--year", "2025", "--input", input.toString(), "--output",
                output.toString(), "--lang", "vi", "--report-date", "2026-01-05"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void killedDuringIngestAndResumed() throws Exception {
        killAndResume(dir.resolve("ingest"), line -> line.contains("dòng…"));
    }

    @Test
    void killedDuringScoringAndResumed() throws Exception {
        killAndResume(dir.resolve("score"), line -> line.startsWith("  bản trùng:"));
    }

    /**
     * Killed as the export's steps run side by side (the score step has just said its line): the resumed export writes
     * every file again, each the same bytes as the uninterrupted run's, letters and report included.
     */
    @Test
    void killedDuringExportAndResumed() throws Exception {
        Path output = dir.resolve("export");
        killAndResume(output, line -> line.startsWith("  chấm điểm:"));
        Manifest after = Manifest.read(output.resolve("2025").resolve(cleanRun.getFileName()).resolve(Manifest.FILE));
        assertThat(after.outputs()).isEqualTo(Manifest.read(cleanRun.resolve(Manifest.FILE)).outputs());
    }

    /**
     * What CI once met after a kill: rows in the database beyond what the saved checkpoint counted. The
     * resumed ingest step starts over instead of trusting the checkpoint, so it neither fails on a
     * duplicate key nor keeps the stray row.
     */
    @Test
    void killedDuringIngestWithRowsBeyondTheCheckpointAndResumed() throws Exception {
        Path output = dir.resolve("stray");
        killAndResume(output, line -> line.contains("dòng…"), () -> {
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                    "jdbc:h2:file:" + output.resolve(".db/2025/union-review").toAbsolutePath(), "sa", "")) {
                int inserted = db.createStatement().executeUpdate("INSERT INTO ur_row (run_id, file, sheet, row_no, code, status, payload)"
                        + " SELECT run_id, file, sheet, " + (BRANCHES + 1) + ", code, status, payload FROM ur_row"
                        + " WHERE source = 'TABLE' ORDER BY row_no LIMIT 1");
                assertThat(inserted).as("a row was written before the kill").isEqualTo(1);
            }
        });
    }

    private void killAndResume(Path output, Predicate<String> killAt) throws Exception {
        killAndResume(output, killAt, () -> { });
    }

    /** @param afterKill what a crash might have left behind, done to the database between the kill and the resume */
    private void killAndResume(Path output, Predicate<String> killAt, SqlAction afterKill) throws Exception {
        try (ChildRun child = ChildRun.start(args(output))) {
            assertThat(child.awaitLine(killAt)).as("the child reached the kill point: %s", child.lines).isTrue();
            child.kill();
        }
        afterKill.run();
        Path runDir = output.resolve("2025").resolve(cleanRun.getFileName());
        assertThat(runDir.resolve(RunFolder.INCOMPLETE)).as("a killed run is marked incomplete").isRegularFile();
        assertThat(runDir.resolve(Manifest.FILE)).doesNotExist();

        CliRun resumed = CliRun.of(args(output, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(Path.of(resumed.lastLine())).isEqualTo(runDir);
        assertThat(runDir.resolve(RunFolder.INCOMPLETE)).doesNotExist();
        Manifest after = Manifest.read(runDir.resolve(Manifest.FILE));
        Manifest clean = Manifest.read(cleanRun.resolve(Manifest.FILE));
        assertThat(after.resultDigest()).isEqualTo(clean.resultDigest());
        assertThat(after.counts()).isEqualTo(clean.counts());
        assertThat(after.counts().rowsRead()).isEqualTo(BRANCHES);
        for (String file : List.of("results.csv", "rejected.csv", "summary.txt", "results.xlsx")) {
            assertThat(Files.readAllBytes(runDir.resolve(file))).as(file).isEqualTo(Files.readAllBytes(cleanRun.resolve(file)));
        }
        assertThat(CliRun.of(args(output, "--resume")).exitCode()).as("nothing left to resume").isEqualTo(2);
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws java.sql.SQLException;
    }
}
