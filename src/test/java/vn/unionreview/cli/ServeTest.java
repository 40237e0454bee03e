package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Slow;
import vn.unionreview.audit.Manifest;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunFolder;
import vn.unionreview.sample.SampleGenerator;

/** `serve` in its own JVM and working folder: cron runs, a validation run on changed input, a clean stop on SIGTERM. */
@Slow // `serve` in a child JVM, waiting for its schedule
class ServeTest {

    @TempDir
    Path home;

    private Process serve(int branches, String cron) throws IOException {
        Files.createDirectories(home.resolve("config/rules"));
        Files.copy(Path.of("config/rules/2025.yaml"), home.resolve("config/rules/2025.yaml"));
        Files.writeString(home.resolve("config/application.yml"), """
                union-review:
                  schedule:
                    runs:
                      - {name: test run, cron: "%s", year: 2025}
                    watch: [2025]
                    quiet-seconds: 1
                """.formatted(cron));
        new SampleGenerator(11).writeSynthetic(home.resolve("input"), 2025, branches);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "vn.unionreview.cli.UnionReviewCli",
                "serve",
                "--no-http"));
        return new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void runsOnScheduleAndWhenInputChangesThenStopsOnSigterm() throws Exception {
        // one scheduled run, some seconds from now (and then daily): the changed input is the watch's to see. The
        // service must be up by then: on a loaded machine its start took longer than 6 s, and the run waited a day
        LocalDateTime at = LocalDateTime.now().plusSeconds(20);
        Process process = serve(200, at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *");
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            assertThat(await(process, out, lines, "lịch 'test run' 2025: hoàn tất"))
                    .as("%s", lines)
                    .isTrue();
            String firstRun = lines.get(lines.size() - 1).replaceAll(".* ", "");
            Path table = home.resolve("input/2025/tables/bang-tong-hop.csv");
            Files.writeString(table, Files.readString(table).replaceFirst("CDCS-000001,(\\d+)", "CDCS-000001,5"));
            assertThat(await(process, out, lines, "kiểm tra (dữ liệu đầu vào thay đổi) 2025: hoàn tất"))
                    .as("%s", lines)
                    .isTrue();
            assertThat(lines.get(lines.size() - 1))
                    .as("a new run for the new input")
                    .doesNotEndWith(firstRun);
            sigterm(process);
            assertThat(await(process, out, lines, "] đã dừng")).as("%s", lines).isTrue();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            try (var runs = Files.list(home.resolve("output/2025"))) {
                assertThat(runs.filter(Files::isDirectory).toList()).hasSize(2).allMatch(RunFolder::isComplete);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void sigtermDuringARunStopsItMarkedIncompleteAndResumeFinishesIt() throws Exception {
        Process process = serve(20_000, "0/2 * * * * *");
        try {
            Path year = home.resolve("output/2025");
            Path marker = null;
            for (int i = 0; i < 600 && marker == null; i++) {
                Thread.sleep(100);
                if (Files.isDirectory(year)) {
                    try (var runs = Files.list(year)) {
                        marker = runs.map(r -> RunFile.INCOMPLETE.in(r))
                                .filter(Files::exists)
                                .findFirst()
                                .orElse(null);
                    }
                }
            }
            assertThat(marker).as("a run started").isNotNull();
            sigterm(process); // while the run is in progress
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(log)
                    .contains("đang dừng: lần chạy đang diễn ra sẽ dừng", "lịch 'test run' 2025: đã dừng", "] đã dừng");
            Path runDir = marker.getParent();
            assertThat(marker).as("the stopped run is marked incomplete").exists();
            assertThat(RunFile.MANIFEST.in(runDir)).doesNotExist();

            CliRun resumed = CliRun.of(
                    "run",
                    "--year",
                    "2025",
                    "--rules",
                    home.resolve("config/rules/2025.yaml").toString(),
                    "--input",
                    home.resolve("input").toString(),
                    "--output",
                    home.resolve("output").toString(),
                    "--resume");
            assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
            assertThat(RunFolder.isComplete(runDir)).isTrue();
            assertThat(Manifest.read(RunFile.MANIFEST.in(runDir)).counts().rowsRead())
                    .isEqualTo(20_000);
        } finally {
            process.destroyForcibly();
        }
    }

    /** SIGTERM, as a service manager stops a service (Process.destroy would also close our end of its output). */
    private static void sigterm(Process process) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    /**
     * Reads the child's output until a line contains {@code text}; false at its end or after 3 minutes (never hangs
     * CI).
     */
    private static boolean await(Process process, BufferedReader out, List<String> lines, String text)
            throws Exception {
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.contains(text)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            return found.get(3, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            // the child goes now: closing the reader would wait for the read in progress, which only its end ends
            process.destroyForcibly();
            return false;
        }
    }
}
