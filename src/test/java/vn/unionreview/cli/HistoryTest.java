package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path output;

    @Test
    void listsEveryRunOfTheYearAndShowsOne() {
        assertThat(CliRun.of("history", "--year", "2025", "--output", output.toString())
                        .out())
                .contains("Chưa có lần chạy nào của năm 2025");
        CliRun first = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05", "--rerun");

        CliRun history = CliRun.of("history", "--year", "2025", "--output", output.toString());
        assertThat(history.exitCode()).isZero();
        String firstFolder = Path.of(first.lastLine()).getFileName().toString();
        assertThat(history.lines().get(1))
                .as("newest first")
                .contains(firstFolder + "-2", "hoàn tất", " 64 ", " 54 ", " 10 ", "đủ");
        assertThat(history.lines().get(2)).contains(firstFolder + " ", "hoàn tất", "chính thức");
        assertThat(history.lines().get(0)).contains("thư mục", "trạng thái", "mã kết quả");

        CliRun show = CliRun.of("show", firstFolder, "--year", "2025", "--output", output.toString());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains(
                        "Danh sách: 63 công đoàn cơ sở. Bản nộp đã đọc: 64",
                        "Trạng thái: hoàn tất, lần chạy chính thức",
                        "Bộ tiêu chí: 2025.yaml SHA-256",
                        "Đầu vào: tables/bang-tong-hop.csv",
                        "Mã kết quả: ",
                        "union-review verify ");
        assertThat(CliRun.of("show", "nope", "--year", "2025", "--output", output.toString())
                        .exitCode())
                .isEqualTo(2);
    }
}
