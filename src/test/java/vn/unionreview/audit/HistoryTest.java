package vn.unionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.cli.CliRun;

class HistoryTest {

    @TempDir
    Path output;

    @Test
    void listsEveryRunOfTheYearAndShowsOne() {
        assertThat(CliRun.of("history", "--year", "2025", "--output", output.toString()).out()).contains("No runs for 2025");
        CliRun first = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05", "--rerun");

        CliRun history = CliRun.of("history", "--year", "2025", "--output", output.toString());
        assertThat(history.exitCode()).isZero();
        String firstFolder = Path.of(first.lastLine()).getFileName().toString();
        assertThat(history.lines().get(1)).as("newest first").contains(firstFolder + "-2", "COMPLETED", " 64 ", " 54 ", " 10 ", "yes");
        assertThat(history.lines().get(2)).contains(firstFolder + " ", "COMPLETED");

        CliRun show = CliRun.of("show", firstFolder, "--year", "2025", "--output", output.toString());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("Registry: 63 branches. Rows read: 64", "Status: complete", "Rules: 2025.yaml SHA-256",
                "Input: tables/bang-tong-hop.csv", "Result digest: ", "union-review verify ");
        assertThat(CliRun.of("show", "nope", "--year", "2025", "--output", output.toString()).exitCode()).isEqualTo(2);
    }
}
