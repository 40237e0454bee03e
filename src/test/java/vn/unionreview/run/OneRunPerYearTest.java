package vn.unionreview.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;
import vn.unionreview.Slow;
import vn.unionreview.cli.ChildRun;
import vn.unionreview.cli.CliRun;
import vn.unionreview.sample.SampleGenerator;

/** Two runs of one year at once: the second is refused (exit 3) and the first completes; another year proceeds. */
@Slow // two child JVMs at once
class OneRunPerYearTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOfTheSameYearIsRefusedWhileOtherYearsProceed() throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        new SampleGenerator(3).writeSynthetic(input, 2025, 20_000);
        new SampleGenerator(4).writeSynthetic(input, 2024, 200);
        Path rules2024 = Fixtures.rulesFileFor(dir, 2024);

        try (ChildRun first =
                ChildRun.start("run", "--year", "2025", "--input", input.toString(), "--output", output.toString())) {
            assertThat(first.awaitLine(l -> l.startsWith("  danh sách CĐCS:")))
                    .as("first run started: %s", first.lines)
                    .isTrue();

            CliRun second =
                    CliRun.of("run", "--year", "2025", "--input", input.toString(), "--output", output.toString());
            assertThat(second.exitCode()).isEqualTo(3);
            assertThat(second.err()).contains("một lần chạy khác của năm 2025 đang diễn ra (lần chạy chính thức do ");

            CliRun otherYear = CliRun.of(
                    "run",
                    "--year",
                    "2024",
                    "--rules",
                    rules2024.toString(),
                    "--input",
                    input.toString(),
                    "--output",
                    output.toString());
            assertThat(otherYear.exitCode()).as(otherYear.err()).isZero();

            assertThat(first.waitFor()).as(String.join("\n", first.lines)).isZero();
            assertThat(first.lines).anyMatch(l -> l.startsWith("Danh sách: 20.000 công đoàn cơ sở."));
        }
    }
}
