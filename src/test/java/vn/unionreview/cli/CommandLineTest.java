package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void rulesCheckAcceptsTheShippedRuleSets() {
        CliRun run = CliRun.of("rules", "check", "config/rules/2025.yaml");
        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out())
                .contains(
                        "bộ tiêu chí năm 2025 hợp lệ",
                        "4 nhóm, 14 tiêu chí (điểm tối đa 100), 4 loại (XS Hoàn thành xuất sắc nhiệm vụ > TOT Hoàn thành tốt",
                        "2025.checks.yaml: 3 phép kiểm dữ kiện (union_above_total, members_without_staff, dues_full_marks_not_remitted)");
        assertThat(CliRun.of("rules", "check", "config/rules/2018.yaml").exitCode())
                .isEqualTo(0);
    }

    @Test
    void rulesCheckOnABrokenFileExitsTwoAndNamesTheKeyPath() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(
                broken,
                Files.readString(Path.of("config/rules/2025.yaml"))
                        .replace("{id: TOT, min_total: 70,", "{id: TOT, min_total: bảy mươi,")
                        .replace(
                                "max_tier: HT,\n     reason: {vi: \"Để xảy ra",
                                "max_tier: HTT,\n     reason: {vi: \"Để xảy ra"));
        CliRun run = CliRun.of("rules", "check", broken.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "broken.yaml: bộ tiêu chí không hợp lệ\n",
                        "  tiers[1].min_total: phải là một số, tệp ghi 'bảy mươi'\n")
                .contains("  caps[0].max_tier: không có loại 'HTT'");
    }

    @Test
    void runWithInvalidFactChecksBesideTheRulesExitsTwoBeforeReadingData() throws Exception {
        Path rules = Files.copy(Path.of("config/rules/2025.yaml"), dir.resolve("2025.yaml"));
        Files.writeString(
                dir.resolve("2025.checks.yaml"),
                "format: union-review/checks/v1\nyear: 2025\nfact_conflicts:\n"
                        + "  - {id: x, when: {criterion: Z9, eq: 10}, explain: {vi: x, en: x}}\n");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--rules",
                rules.toString(),
                "--output",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("2025.checks.yaml", "fact_conflicts[0].when.criterion")
                .doesNotContain("Exception");
        assertThat(dir.resolve("out/2025")).doesNotExist();
    }

    @Test
    void runWithAnInvalidRuleSetExitsTwoBeforeReadingData() throws Exception {
        Path broken = dir.resolve("2025.yaml");
        Files.writeString(broken, "format: union-review/rules/v1\nyear: 2025\n");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--rules",
                broken.toString(),
                "--output",
                dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("groups: còn thiếu");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void runForAYearWithoutInputOrWithAnotherYearsRulesExitsTwo() {
        CliRun noInput = CliRun.of("run", "--year", "2018", "--input", dir.toString());
        assertThat(noInput.exitCode()).isEqualTo(2);
        assertThat(noInput.err()).contains("không có thư mục dữ liệu");
        CliRun wrongYear = CliRun.of("run", "--year", "2025", "--rules", "config/rules/2018.yaml");
        assertThat(wrongYear.exitCode()).isEqualTo(2);
        assertThat(wrongYear.err()).contains("là bộ tiêu chí năm 2018, không phải năm 2025");
    }

    @Test
    void aFaultOfOursNamesItsDeepestCauseWithoutAStackTrace() throws Exception {
        Path db = Files.createDirectories(dir.resolve("out/.db/2025"));
        Files.write(db.resolve("union-review.mv.db"), new byte[8192]); // a database file that is not one
        CliRun run = CliRun.of(
                "run", "--year", "2025", "--output", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("lỗi: ", "\n  nguyên nhân: ", "union-review.mv.db")
                .doesNotContain("\tat ");
    }

    @Test
    void badUsageExitsTwoAndHelpIsEverywhere() {
        assertThat(CliRun.of("run").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        CliRun help = CliRun.of("run", "--help");
        assertThat(help.exitCode()).isEqualTo(0);
        assertThat(help.out()).contains("--year", "--input", "--output", "--rules", "--rerun");
        assertThat(CliRun.of("--help").out()).contains("Mã thoát:", "run", "rules", "sample");
        assertThat(CliRun.of("rules", "check", "--help").exitCode()).isEqualTo(0);
    }

    @Test
    void firstMistakesAreAnsweredInWordsOneCanActOn() {
        CliRun typo = CliRun.of("rnu", "--year", "2025");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err())
                .contains("Có phải ý bạn là: run?", "Xem 'union-review --help'.")
                .doesNotContain("Commands:");
        CliRun noRules = CliRun.of("run", "--year", "2031");
        assertThat(noRules.exitCode()).isEqualTo(2);
        assertThat(noRules.err())
                .contains(
                        "chưa có bộ tiêu chí năm 2031: không có tệp config/rules/2031.yaml",
                        "có bộ tiêu chí các năm 2018, 2024, 2025")
                .doesNotContain("không hợp lệ");
    }

    @Test
    void helpSummariesAreWholeSentencesAndRunHelpListsEveryOutputAndExitCode() {
        // the summary each command shows in the list of commands is one whole sentence, never a first line cut at a
        // comma
        UnionReviewCli.commandLine().getSubcommands().forEach((name, command) -> {
            var usage = command.getCommandSpec().usageMessage();
            String summary = usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
            assertThat(summary).as(name).endsWith(".");
        });
        // in the configured language, Vietnamese
        assertThat(CliRun.of("--help").out())
                .contains("run            Chạy xử lý cuối năm cho một năm và ghi kết quả vào một thư mục");
        String run = CliRun.of("run", "--help").out();
        assertThat(run)
                .contains(
                        "decisions.yaml",
                        "report.pdf",
                        "results.xlsx",
                        "results.csv",
                        "rejected.csv",
                        "corrections.csv",
                        "not-submitted.csv",
                        "files.csv",
                        "integrity.csv",
                        "feedback/",
                        "charts/",
                        "summary.txt",
                        "manifest.json",
                        "run.log",
                        "--kind",
                        "Mã thoát:",
                        "3   một lần chạy khác của cùng năm đang diễn ra");
    }

    @Test
    void theHelpHasVietnameseWordsForEveryCommandOptionAndExitCode() {
        ResourceBundle vi = ResourceBundle.getBundle(
                "i18n/cli",
                Locale.forLanguageTag("vi"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> missing = new ArrayList<>();
        Deque<CommandLine> commands = new ArrayDeque<>(List.of(UnionReviewCli.commandLine()));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            commands.addAll(command.getSubcommands().values());
            var spec = command.getCommandSpec();
            String path = spec.qualifiedName(".");
            if (!vi.containsKey(path + ".usage.description.0")) {
                missing.add(path + ".usage.description.0");
            }
            spec.usageMessage().exitCodeList().keySet().forEach(code -> {
                if (!vi.keySet().contains(path + ".usage.exitCodeList." + code.strip())) {
                    missing.add(path + ".usage.exitCodeList." + code.strip());
                }
            });
            for (var option : spec.options()) {
                String name = option.longestName().replaceFirst("^-+", "");
                if (!vi.containsKey(path + "." + name) && !vi.containsKey(name)) {
                    missing.add(path + "." + name);
                }
            }
            spec.positionalParameters().forEach(p -> {
                if (!vi.containsKey(path + "." + p.paramLabel())) {
                    missing.add(path + "." + p.paramLabel());
                }
            });
        }
        assertThat(missing).isEmpty();
    }
}
