package vn.unionreview.year;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.Slow;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/**
 * Runs of different years in one process are independent, as when the console starts several at once: five years
 * started at the same moment, round after round, all complete with the result digest each gets alone, and each run.log
 * holds its own run's lines only, from one launch to one completion.
 */
@Slow // fifteen runs of the sample year, five at a time
class ConcurrentYearsTest {

    private static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024, 2025);
    private static final int ROUNDS = 3;

    @TempDir
    static Path dir;

    static final Map<Integer, String> SOLO = new TreeMap<>();

    @BeforeAll
    static void eachYearAlone() throws Exception {
        for (int year : YEARS) {
            Fixtures.copySampleYear(dir.resolve("input").resolve(Integer.toString(year)));
            Fixtures.rulesFileFor(Files.createDirectories(dir.resolve("rules")), year);
            CliRun run = CliRun.of(args(year, dir.resolve("solo")));
            assertThat(run.exitCode()).as(run.err()).isZero();
            SOLO.put(
                    year,
                    Manifest.read(Path.of(run.lastLine()).resolve(RunFile.MANIFEST.fileName()))
                            .resultDigest());
        }
    }

    @Test
    void fiveYearsStartedTogetherAllCompleteAsTheyWouldAlone() throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(YEARS.size());
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Path output = dir.resolve("round-" + round);
                CyclicBarrier together = new CyclicBarrier(YEARS.size());
                List<Future<CliRun>> runs = new ArrayList<>();
                for (int year : YEARS) {
                    runs.add(starters.submit(() -> {
                        together.await();
                        return CliRun.of(args(year, output));
                    }));
                }
                for (int i = 0; i < YEARS.size(); i++) {
                    int year = YEARS.get(i);
                    CliRun run = runs.get(i).get(5, TimeUnit.MINUTES);
                    assertThat(run.exitCode())
                            .as("round %d, year %d: %s", round, year, run.out() + run.err())
                            .isZero();
                    Path runDir = Path.of(run.lastLine());
                    assertThat(Manifest.read(RunFile.MANIFEST.in(runDir)).resultDigest())
                            .as("round %d, year %d", round, year)
                            .isEqualTo(SOLO.get(year));
                    assertOwnLog(runDir, year);
                }
            }
        } finally {
            starters.shutdownNow();
        }
    }

    /** One launch and one completion, both of this year, and every step once; no line of another year's run. */
    private static void assertOwnLog(Path runDir, int year) throws Exception {
        List<String> log = Files.readAllLines(RunFile.RUN_LOG.in(runDir));
        assertThat(log)
                .filteredOn(l -> l.contains("launched with the following parameters"))
                .singleElement()
                .satisfies(l -> assertThat(l).contains("name='year', value=" + year + ","));
        assertThat(log)
                .filteredOn(l -> l.contains("completed with the following parameters"))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("name='year', value=" + year + ",")
                        .contains("status: [COMPLETED]"));
        for (String step : List.of("registry", "ingest", "forms", "duplicates", "score", "export", "manifest")) {
            assertThat(log)
                    .as("%s: step %s", runDir, step)
                    .filteredOn(l -> l.contains("Executing step: [" + step + "]"))
                    .hasSize(1);
        }
        for (int other : YEARS) {
            if (other != year) {
                assertThat(log)
                        .as("%s holds no line of %d", runDir, other)
                        .noneMatch(l -> l.contains("value=" + other + ",")
                                || l.contains("/" + other + "/")
                                || l.contains("rules/" + other + ".yaml"));
            }
        }
    }

    private static String[] args(int year, Path output) {
        return new String[] {
            "run",
            "--year",
            Integer.toString(year),
            "--input",
            dir.resolve("input").toString(),
            "--output",
            output.toString(),
            "--rules",
            dir.resolve("rules").resolve(year + ".yaml").toString(),
            "--report-date",
            "2026-01-05"
        };
    }
}
