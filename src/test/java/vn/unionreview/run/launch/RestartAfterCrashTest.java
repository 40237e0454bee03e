package vn.unionreview.run.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.RequiredTool;
import vn.unionreview.Slow;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.ChildRun;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;
import vn.unionreview.sample.SampleGenerator;

/**
 * A run killed with SIGKILL halfway (during ingest, during scoring, during the export) and resumed finishes with
 * exactly the results, counts and files of an uninterrupted run: nothing read twice, nothing lost. On the embedded H2,
 * and on PostgreSQL where UNION_REVIEW_TEST_POSTGRES names a database (under CI=true it must).
 */
@Slow // child JVMs killed and resumed, on H2 and PostgreSQL
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
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--lang",
                "vi",
                "--report-date",
                "2026-01-05"));
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
        Manifest after = Manifest.read(
                output.resolve("2025").resolve(cleanRun.getFileName()).resolve(RunFile.MANIFEST.fileName()));
        assertThat(after.outputs())
                .isEqualTo(Manifest.read(RunFile.MANIFEST.in(cleanRun)).outputs());
    }

    /**
     * What a kill can leave: the last record of a work file cut short, beyond what the saved checkpoint counted (CI
     * once met its like when rows went to H2). The resumed ingest step starts over instead of trusting the checkpoint,
     * so nothing of the cut record, or of the rows before it, is read twice.
     */
    @Test
    void killedDuringIngestWithARecordCutShortAndResumed() throws Exception {
        Path output = dir.resolve("cut");
        killAndResume(output, line -> line.contains("dòng…"), () -> {
            Path rows = output.resolve("2025")
                    .resolve(cleanRun.getFileName())
                    .resolve(RunFile.WORK.fileName())
                    .resolve("rows-table");
            assertThat(rows).as("rows were written before the kill").isNotEmptyFile();
            Files.write(rows, new byte[] {0, 0, 0, 12, 't', 'a'}, StandardOpenOption.APPEND);
        });
    }

    /**
     * On PostgreSQL, killed as the rows are read, and again as the results and problems are loaded: the same outcome as
     * on H2.
     */
    @Test
    void onPostgresqlKilledDuringIngestAndScoringAndResumed() throws Exception {
        String url = System.getenv("UNION_REVIEW_TEST_POSTGRES");
        RequiredTool.require(
                url != null && url.startsWith("jdbc:postgresql:"),
                "no PostgreSQL: UNION_REVIEW_TEST_POSTGRES does not name a database (.ci/postgres.sh sets one up)");
        Map<String, String> database = Map.of(
                "spring.datasource.url",
                url,
                "spring.datasource.username",
                "union_review_test",
                "spring.datasource.password",
                "union_review_test");
        // --rerun: the database outlives this test, and may hold this year's run from an earlier execution of it
        killAndResume(dir.resolve("pg-ingest"), line -> line.contains("dòng…"), () -> {}, database);
        killAndResume(dir.resolve("pg-score"), line -> line.startsWith("  bản trùng:"), () -> {}, database);
    }

    private void killAndResume(Path output, Predicate<String> killAt) throws Exception {
        killAndResume(output, killAt, () -> {});
    }

    private void killAndResume(Path output, Predicate<String> killAt, AfterKill afterKill) throws Exception {
        killAndResume(output, killAt, afterKill, Map.of());
    }

    /**
     * @param afterKill what a crash might have left behind, done to the run's files between the kill and the resume
     * @param database the database's settings as system properties; none for the year's embedded H2
     */
    private void killAndResume(Path output, Predicate<String> killAt, AfterKill afterKill, Map<String, String> database)
            throws Exception {
        List<String> properties = database.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
        try (ChildRun child = ChildRun.startIn(
                Path.of(""), properties, database.isEmpty() ? args(output) : args(output, "--rerun"))) {
            assertThat(child.awaitLine(killAt))
                    .as("the child reached the kill point: %s", child.lines)
                    .isTrue();
            child.kill();
        }
        afterKill.run();
        Path runDir;
        try (Stream<Path> runs = Files.list(output.resolve("2025"))) {
            // one run folder; on a server's database that holds this year's run already, a rerun's is named anew
            runDir =
                    runs.filter(Files::isDirectory).collect(Collectors.toList()).get(0);
        }
        if (database.isEmpty()) {
            assertThat(runDir.getFileName()).isEqualTo(cleanRun.getFileName());
        }
        assertThat(RunFile.INCOMPLETE.in(runDir))
                .as("a killed run is marked incomplete")
                .isRegularFile();
        assertThat(RunFile.MANIFEST.in(runDir)).doesNotExist();

        database.forEach(System::setProperty);
        CliRun resumed;
        try {
            resumed = CliRun.of(args(output, "--resume"));
        } finally {
            database.keySet().forEach(System::clearProperty);
        }
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(Path.of(resumed.lastLine())).isEqualTo(runDir);
        assertThat(RunFile.INCOMPLETE.in(runDir)).doesNotExist();
        Manifest after = Manifest.read(RunFile.MANIFEST.in(runDir));
        Manifest clean = Manifest.read(RunFile.MANIFEST.in(cleanRun));
        assertThat(after.resultDigest()).isEqualTo(clean.resultDigest());
        assertThat(after.counts()).isEqualTo(clean.counts());
        assertThat(after.counts().rowsRead()).isEqualTo(BRANCHES);
        for (String file : List.of("results.csv", "rejected.csv", "summary.txt", "results.xlsx")) {
            assertThat(Files.readAllBytes(runDir.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(cleanRun.resolve(file)));
        }
        if (database.isEmpty()) { // the server's database holds the year's runs of every test
            assertThat(CliRun.of(args(output, "--resume")).exitCode())
                    .as("nothing left to resume")
                    .isEqualTo(2);
        }
    }

    @FunctionalInterface
    private interface AfterKill {
        void run() throws IOException;
    }
}
