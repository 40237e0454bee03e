package vn.unionreview.year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a command finds a year's rules: config/rules/&lt;year&gt;.yaml, or the folder of kinds
 * config/rules/&lt;year&gt;/.
 */
class YearRulesTest {

    @TempDir
    Path home;

    @Test
    void aYearWithAFolderOfKindsTakesTheFolder() throws Exception {
        Path folder = Files.createDirectories(home.resolve("config/rules/2026"));
        Files.copy(Path.of("config/rules/2026/doanh-nghiep.yaml"), folder.resolve("doanh-nghiep.yaml"));
        assertThat(YearRules.path(null, 2026, home)).isEqualTo(folder);
        assertThat(YearRules.load(null, 2026, home).byKind()).isTrue();
        assertThat(YearRules.yearsIn(home.resolve("config/rules"))).containsExactly(2026);
    }

    @Test
    void aYearWithBothARuleFileAndAFolderIsRefusedBeforeAnyRun() throws Exception {
        Path rules = Files.createDirectories(home.resolve("config/rules/2026")).getParent();
        Files.copy(Path.of("config/rules/2026/doanh-nghiep.yaml"), rules.resolve("2026/doanh-nghiep.yaml"));
        Files.copy(Path.of("config/rules/2026/doanh-nghiep.yaml"), rules.resolve("2026.yaml"));
        assertThatThrownBy(() -> YearRules.load(null, 2026, home))
                .isInstanceOf(YearRules.BothException.class)
                .satisfies(
                        e -> assertThat(((YearRules.BothException) e).problem().english())
                                .contains("2026.yaml and the folder")
                                .contains("keep the one that counts"));
    }
}
