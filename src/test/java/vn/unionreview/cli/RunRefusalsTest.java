package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.run.RunFolder;

/**
 * What `run` says when it cannot or need not do anything, and when it fails: never a stack trace, always what was going
 * on and where the details are.
 */
class RunRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void resumeWithNothingToResumeSaysWhetherARunWasEverStarted() throws Exception {
        Path output = dir.resolve("output");
        CliRun none = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--resume", "--lang", "en");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err())
                .contains("nothing to resume: no run of 2025 has been started; run --year 2025 starts one");

        CliRun done = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(done.exitCode()).as(done.err()).isZero();
        CliRun again = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--resume", "--lang", "en");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err())
                .contains("nothing to resume: no run of 2025 is unfinished; the latest, "
                        + Path.of(done.lastLine()).getFileName() + ", completed");
    }

    @Test
    void aRegistryThatCannotBeReadWholeRefusesTheRunBeforeItStarts() throws Exception {
        Path year = dir.resolve("input/2025");
        Files.createDirectories(year.resolve("tables"));
        Files.writeString(
                year.resolve("registry.csv"), "code,name,bloc\nH-001,Công đoàn A,Khối A\n\"H-002,Công đoàn B,Khối A\n");
        Files.writeString(year.resolve("tables/t.csv"), "code\n");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve("output").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        // in the configured language: Vietnamese
        assertThat(run.err())
                .contains(
                        "Không chạy được: registry.csv: không đọc được danh sách sau dòng 2:"
                                + " dấu ngoặc kép mở ở dòng 3 không được đóng",
                        "Sửa lỗi này rồi chạy lại đúng lệnh đó.");
        assertThat(dir.resolve("output/2025"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void aFailureNamesTheStepAndPointsToRunLogWithoutAStackTraceThenResumes() throws Exception {
        Path first = dir.resolve("first");
        CliRun once = CliRun.of("run", "--year", "2025", "--output", first.toString(), "--report-date", "2026-01-05");
        Path runName = Path.of(once.lastLine()).getFileName();

        // the same run elsewhere, where a file stands in the way of its charts folder: the disk's fault, not the
        // input's
        Path output = dir.resolve("second");
        Path runDir = output.resolve("2025").resolve(runName);
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("charts"), "in the way");
        CliRun failed = CliRun.withConsole(
                "run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err())
                .contains(
                        "Lần chạy bị lỗi ở bước xuất kết quả",
                        "FileAlreadyExistsException",
                        "charts",
                        "Chi tiết trong " + runDir.resolve("run.log"),
                        "chạy lại đúng lệnh đó");
        assertThat(failed.out() + failed.err()).doesNotContain("\tat ", "Caused by", " ERROR ");
        assertThat(Files.readString(runDir.resolve("run.log")))
                .contains("ERROR", "FileAlreadyExistsException", "\tat ");
        assertThat(RunFolder.isComplete(runDir)).isFalse();

        Files.delete(runDir.resolve("charts"));
        CliRun resumed =
                CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(RunFolder.isComplete(runDir)).isTrue();
        assertThat(Files.readString(runDir.resolve("manifest.json"))).doesNotContain("run.log");
    }
}
