package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.unionreview.Fixtures;
import vn.unionreview.audit.ActivityLog;
import vn.unionreview.run.RunKind;
import vn.unionreview.text.Catalogue;

/**
 * Runs started from the console: the same job, one per year at a time, each line kept for the pages, each start and end
 * recorded.
 */
class ConsoleRunsTest {

    @TempDir
    Path root;

    @Test
    void aRunGoesToTheEndAndASecondOneMeanwhileIsRefused() throws Exception {
        Fixtures.copySampleYear(root.resolve("input/2025"));
        ConsoleSettings settings = new ConsoleSettings(
                List.of(),
                root.resolve("input"),
                root.resolve("output"),
                new ConsoleSettings.Upload(DataSize.ofMegabytes(50), 1000, DataSize.ofGigabytes(2)),
                true);
        ActivityLog activity = new ActivityLog(settings.outputDir());
        ConsoleRuns runs = new ConsoleRuns(settings);
        try {
            ConsoleRuns.Progress progress = runs.start(2025, RunKind.VALIDATION, "hoa");
            assertThat(runs.running(2025)).isTrue();
            assertThatThrownBy(() -> runs.start(2025, RunKind.FINAL, "lan"))
                    .isInstanceOf(ConsoleRuns.RefusedException.class)
                    .hasMessage("a run of 2025 is in progress: wait for it to finish");
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!progress.finished() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(progress.status()).isEqualTo("COMPLETED");
            // each reader reads the same progress in their language, tiers by name
            assertThat(progress.lines(Catalogue.of("vi")))
                    .contains(
                            "Xếp loại: Hoàn thành xuất sắc nhiệm vụ 6, Hoàn thành tốt nhiệm vụ 28, Hoàn thành nhiệm vụ 20, Không hoàn thành nhiệm vụ 0.")
                    .anyMatch(l -> l.startsWith("  danh sách CĐCS: 63 công đoàn cơ sở trong registry.csv ("))
                    .noneMatch(l -> l.contains("rows") || l.contains("branches"));
            assertThat(progress.lines(Catalogue.of("en")))
                    .anyMatch(l -> l.startsWith("  registry: 63 branches in registry.csv ("))
                    .contains("Tiers: Excellent 6, Good 28, Complete 20, Not complete 0.");
            assertThat(root.resolve("output/2025").resolve(progress.runId()).resolve("manifest.json"))
                    .isRegularFile();
            // the details are messages, read in the reader's language
            assertThat(activity.entries(2025))
                    .extracting(
                            ActivityLog.Entry::user,
                            ActivityLog.Entry::action,
                            e -> Catalogue.of("en").stored(e.detail()),
                            e -> Catalogue.of("vi").stored(e.detail()))
                    .containsExactly(
                            Tuple.tuple("hoa", "run-started", "validation run", "chạy kiểm tra"),
                            Tuple.tuple("hoa", "run-ended", "completed", "hoàn thành"));
            assertThat(activity.entries(2025).get(1).run()).isEqualTo(progress.runId());
        } finally {
            runs.destroy();
        }
    }

    @Test
    void aYearWhoseInputCannotRunIsRefusedWithTheJobsReason() throws Exception {
        Files.createDirectories(root.resolve("input/2025/forms"));
        ConsoleSettings settings = new ConsoleSettings(
                List.of(),
                root.resolve("input"),
                root.resolve("output"),
                new ConsoleSettings.Upload(DataSize.ofMegabytes(50), 1000, DataSize.ofGigabytes(2)),
                true);
        ConsoleRuns runs = new ConsoleRuns(settings);
        assertThatThrownBy(() -> runs.start(2025, RunKind.FINAL, "hoa"))
                .isInstanceOf(ConsoleRuns.RefusedException.class)
                .hasMessageContaining("no branch registry in")
                .hasMessageContaining("expected registry.csv or registry.xlsx");
        assertThat(runs.latest(2025)).isEmpty();
    }

    /** Two years started from the console at the same moment both complete, each with a run.log of its own. */
    @Test
    void twoYearsStartedTogetherBothCompleteEachWithItsOwnLog() throws Exception {
        Fixtures.copySampleYear(root.resolve("input/2025"));
        try (var files = Files.walk(Path.of("input/2024"))) {
            for (Path from : files.toList()) {
                Path to = root.resolve("input/2024")
                        .resolve(Path.of("input/2024").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        ConsoleSettings settings = new ConsoleSettings(
                List.of(),
                root.resolve("input"),
                root.resolve("output"),
                new ConsoleSettings.Upload(DataSize.ofMegabytes(50), 1000, DataSize.ofGigabytes(2)),
                true);
        ConsoleRuns runs = new ConsoleRuns(settings);
        try {
            ConsoleRuns.Progress y2025 = runs.start(2025, RunKind.FINAL, "hoa");
            ConsoleRuns.Progress y2024 = runs.start(2024, RunKind.FINAL, "lan");
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while ((!y2025.finished() || !y2024.finished()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            for (ConsoleRuns.Progress p : List.of(y2025, y2024)) {
                assertThat(p.status())
                        .as(String.join("\n", p.lines(Catalogue.of("en"))))
                        .isEqualTo("COMPLETED");
                List<String> log = Files.readAllLines(root.resolve("output")
                        .resolve(Integer.toString(p.year()))
                        .resolve(p.runId())
                        .resolve("run.log"));
                assertThat(log)
                        .filteredOn(l -> l.contains("launched with the following parameters"))
                        .singleElement()
                        .satisfies(l -> assertThat(l).contains("name='year', value=" + p.year() + ","));
                assertThat(log)
                        .filteredOn(l -> l.contains("completed with the following parameters"))
                        .singleElement()
                        .satisfies(l -> assertThat(l).contains("name='year', value=" + p.year() + ","));
            }
        } finally {
            runs.destroy();
        }
    }
}
