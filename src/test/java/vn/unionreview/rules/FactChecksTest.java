package vn.unionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Fixtures;

/** The fact checks beside a rule set: read like its caps, refused with the key path of every problem. */
class FactChecksTest {

    @TempDir
    Path dir;

    @Test
    void theShippedChecksNameWhatThe2025RuleSetDeclares() {
        FactChecks checks = RuleSetLoader.loadChecks(Path.of("config/rules/2025.yaml"), Fixtures.rules2025());
        assertThat(checks.path()).isEqualTo(Path.of("config/rules/2025.checks.yaml"));
        assertThat(checks.sha256()).hasSize(64);
        assertThat(checks.checks())
                .extracting(FactCheck::id)
                .containsExactly("union_above_total", "members_without_staff", "dues_full_marks_not_remitted");
        assertThat(checks.checks().get(0).explain().vi()).startsWith("Số đoàn viên công đoàn lớn hơn");
    }

    @Test
    void aRuleSetWithoutChecksBesideItHasNone() throws Exception {
        Path rules = Files.copy(Path.of("config/rules/2025.yaml"), dir.resolve("2025.yaml"));
        assertThat(RuleSetLoader.loadChecks(rules, Fixtures.rules2025())).isEqualTo(FactChecks.NONE);
    }

    @Test
    void everyProblemIsNamedByItsKeyPath() throws Exception {
        Path rules = Files.copy(Path.of("config/rules/2025.yaml"), dir.resolve("2025.yaml"));
        Files.writeString(dir.resolve("2025.checks.yaml"), """
                format: union-review/checks/v1
                year: 2024
                fact_conflicts:
                  - id: a
                    when: {fact: members_staff, gt: 1}
                    explain: {vi: x, en: x}
                  - id: a
                    when: {fact: dues_remitted, gt: 1}
                    explain: {vi: y}
                  - id: c
                    explain: {vi: z, en: z}
                    script: rm -rf /
                """);
        assertThatThrownBy(() -> RuleSetLoader.loadChecks(rules, Fixtures.rules2025()))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("2025.checks.yaml: not a valid file of fact checks")
                .hasMessageContaining("year: the checks are for 2024, the rule set beside them for 2025")
                .hasMessageContaining("fact_conflicts[0].when.fact")
                .hasMessageContaining("fact_conflicts[1].id: 'a' is used twice")
                .hasMessageContaining("fact_conflicts[1].when.gt: fact 'dues_remitted' is yes/no")
                .hasMessageContaining("fact_conflicts[2].when: missing")
                .hasMessageContaining("fact_conflicts[2].script");
    }
}
