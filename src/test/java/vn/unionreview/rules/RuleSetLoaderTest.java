package vn.unionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Digests;
import vn.unionreview.Fixtures;
import vn.unionreview.text.Message;

class RuleSetLoaderTest {

    private static final String VALID = """
            format: union-review/rules/v1
            year: 2030
            title: {vi: Thử, en: Test}
            issuer: {vi: CĐ, en: U}
            step: 0.5
            groups:
              - id: G
                title: {vi: Nhóm}
                criteria:
                  - {id: G1, max: 10, title: {vi: Một}}
            facts:
              - {id: flag, type: boolean, title: {vi: Cờ}}
              - {id: n, type: integer, title: {vi: Số}}
            tiers:
              - {id: TOP, min_total: 8, title: {vi: Tốt}}
              - {id: REST, title: {vi: Còn lại}}
            """;

    @Test
    void loadsTheSampleYearWithEveryFigureOfTheSpec() {
        RuleSet rules = Fixtures.rules2025();
        assertThat(rules.year()).isEqualTo(2025);
        assertThat(rules.step()).isEqualByComparingTo("0.5");
        assertThat(rules.groups())
                .extracting(g -> g.id() + "=" + g.max().toPlainString())
                .containsExactly("A=30", "B=20", "C=30", "D=20");
        assertThat(rules.baseMax()).isEqualByComparingTo("100");
        assertThat(rules.bonus().max()).isEqualByComparingTo("5");
        assertThat(rules.penalty().max()).isEqualByComparingTo("10");
        assertThat(rules.criteria()).hasSize(14);
        assertThat(rules.tiers()).extracting(Tier::id).containsExactly("XS", "TOT", "HT", "KHT");
        assertThat(rules.tiers().get(0).title().vi()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(rules.caps()).extracting(Cap::maxTier).containsExactly("HT", "HT", "TOT", "TOT", "TOT");
        assertThat(rules.quotas()).singleElement().satisfies(q -> {
            assertThat(q.tier()).isEqualTo("XS");
            assertThat(q.scope()).isEqualTo(Scope.BLOC);
            assertThat(q.allowed(7)).isEqualTo(2);
        });
        assertThat(rules.tieBreaks())
                .extracting(TieBreak::subject)
                .containsExactly(Subject.GROUP, Subject.FACT, Subject.DERIVED);
        assertThat(rules.awards()).extracting(Award::id).containsExactly("CO", "BK", "GK");
        assertThat(rules.awards().get(2).excludes()).containsExactly("CO", "BK");
    }

    @Test
    void loadsAnOlderYearWithFiveTiers() {
        RuleSet rules = Fixtures.rules2018();
        assertThat(rules.tiers())
                .extracting(t -> t.title().vi())
                .containsExactly("Vững mạnh xuất sắc", "Vững mạnh", "Khá", "Trung bình", "Yếu");
        assertThat(rules.bonus().criteria()).isEmpty();
        assertThat(rules.quotas().get(0).allowed(1000)).isEqualTo(3);
    }

    @Test
    void theDigestIdentifiesTheFileBytes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.yaml");
        Files.writeString(a, VALID);
        Path b = dir.resolve("b.yaml");
        Files.writeString(b, VALID + "# a comment\n");
        assertThat(RuleSetLoader.load(a).sha256())
                .hasSize(64)
                .isNotEqualTo(RuleSetLoader.load(b).sha256());
        assertThat(RuleSetLoader.load(a).sha256()).isEqualTo(Digests.sha256(VALID.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aMinimalFileIsValid() {
        RuleSet rules = Fixtures.rules(VALID);
        assertThat(rules.criteria()).hasSize(1);
        assertThat(rules.groups().get(0).criteria().get(0).title().en())
                .as("English falls back to Vietnamese")
                .isEqualTo("Một");
    }

    @Test
    void rankingTierFirstIsOptionalAndFalseWhenAbsent() {
        assertThat(Fixtures.rules(VALID).tierFirst()).isFalse();
        assertThat(Fixtures.rules(VALID + "ranking:\n  tier_first: true\n").tierFirst())
                .isTrue();
        assertProblem(
                VALID + "ranking:\n  tier_first: oui\n", "ranking.tier_first: must be true or false, found 'oui'");
    }

    @Test
    void eligibilityIsOptionalItsDateIsTheYearsEndUnlessGiven() {
        assertThat(Fixtures.rules(VALID).eligibility())
                .as("every branch rated, as before")
                .isNull();
        assertThat(Fixtures.rules(VALID + "eligibility: {min_months: 12, min_months_after_reorganisation: 6}\n")
                        .eligibility())
                .isEqualTo(new Eligibility(LocalDate.of(2030, 12, 31), 12, 6));
        assertThat(Fixtures.rules(
                                VALID
                                        + "eligibility: {as_of: 2030-11-30, min_months: 12, min_months_after_reorganisation: 6}\n")
                        .eligibility()
                        .asOf())
                .isEqualTo(LocalDate.of(2030, 11, 30));
        assertProblem(
                VALID + "eligibility: {as_of: 30/11/2030, min_months: 12, min_months_after_reorganisation: 6}\n",
                "eligibility.as_of: must be a date YYYY-MM-DD, found '30/11/2030'");
        assertProblem(
                VALID + "eligibility: {min_months: 12}\n", "eligibility.min_months_after_reorganisation: missing");
        assertProblem(VALID + "eligibility: 12\n", "eligibility: must be a mapping with min_months");
        assertProblem(
                VALID + "eligibility: {min_month: 12, min_months_after_reorganisation: 6}\n",
                "eligibility.min_month: unknown key");
    }

    @Test
    void namesTheKeyPathOfAWrongType() {
        assertProblem(
                VALID.replace("min_total: 8", "min_total: tám"), "tiers[0].min_total: must be a number, found 'tám'");
    }

    @Test
    void collectsEveryProblemNotJustTheFirst() {
        String broken = VALID.replace("step: 0.5", "step: 0")
                .replace("max: 10", "max: -1")
                .replace("year: 2030", "year: x");
        assertThatThrownBy(() -> Fixtures.rules(broken))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Message::english)
                        .contains(
                                "year: must be a whole number, found 'x'",
                                "step: must be greater than 0",
                                "groups[0].criteria[0].max: must be greater than 0"));
    }

    @Test
    void rejectsUnknownKeysSoATypoIsNeverIgnored() {
        assertProblem(VALID.replace("min_total: 8", "min_totl: 8"), "tiers[0].min_totl: unknown key");
    }

    @Test
    void rejectsAMaximumOffTheStep() {
        assertProblem(
                VALID.replace("max: 10", "max: 7.3"), "groups[0].criteria[0].max: 7.3 is not a multiple of step 0.5");
    }

    @Test
    void rejectsTheWrongFormat() {
        assertProblem(VALID.replace("rules/v1", "rules/v9"), "format: must be 'union-review/rules/v1'");
    }

    @Test
    void theLastTierCatchesAll() {
        assertProblem(
                VALID.replace("- {id: REST,", "- {id: REST, min_total: 1,"),
                "tiers[1].min_total: the last tier catches all");
    }

    @Test
    void conditionsMayOnlyNameWhatExists() {
        String yaml = VALID + """
                caps:
                  - {id: c, when: {fact: nope, eq: true}, max_tier: REST, reason: {vi: Lý do}}
                  - {id: d, when: {all: [{fact: flag, eq: 1}]}, max_tier: TOP, reason: {vi: Lý do}}
                  - {id: e, when: {fact: n, lt: 3}, max_tier: MIDDLE, reason: {vi: Lý do}}
                  - {id: f, when: {exec: "rm -rf /"}, max_tier: REST, reason: {vi: Lý do}}
                """;
        assertThatThrownBy(() -> Fixtures.rules(yaml))
                .isInstanceOf(RuleSetException.class)
                .satisfies(
                        e -> assertThat(((RuleSetException) e).problems())
                                .extracting(Message::english)
                                .containsExactly(
                                        "caps[0].when.fact: unknown fact 'nope'",
                                        "caps[1].when.all[0].eq: fact 'flag' is yes/no: compare it with true or false",
                                        "caps[2].max_tier: unknown tier 'MIDDLE' (tiers: TOP, REST)",
                                        "caps[3].when.exec: unknown key; a comparison is fact|criterion|group|derived|total: ID with eq|ne|lt|le|gt|ge: value"));
    }

    @Test
    void quotasAndAwardsAreChecked() {
        String yaml = VALID + """
                quotas:
                  - {tier: REST, scope: bloc, max_count: 1}
                  - {tier: TOP, scope: everywhere, max_share: 1.5}
                awards:
                  - {id: X, title: {vi: X}, min_tier: TOP, per_bloc: 1, excludes: [Y]}
                  - {id: Y, title: {vi: Y}, min_tier: TOP, per_bloc: 1, max_share: 0.1, scope: all}
                """;
        assertThatThrownBy(() -> Fixtures.rules(yaml))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Message::english)
                        .contains(
                                "quotas[0].tier: the last tier cannot have a quota: there is no lower tier to move to",
                                "quotas[1].scope: must be bloc, all or province, found 'everywhere'",
                                "quotas[1].max_share: must be between 0 and 1, found 1.5",
                                "awards[0].excludes[0]: must name an award listed before this one, found 'Y'",
                                "awards[1]: must have exactly one of max_share or per_bloc"));
    }

    @Test
    void aProvinceAwardCountsOverItsUnitsButNoQuotaCanMoveWhatTheyDecided() {
        RuleSet rules = Fixtures.rules(VALID + """
                awards:
                  - {id: X, title: {vi: X}, min_tier: TOP, max_share: 0.1, scope: province}
                """);
        assertThat(rules.awards().get(0).effectiveScope()).isEqualTo(Scope.PROVINCE);
        assertProblem(
                VALID + "quotas:\n  - {tier: TOP, scope: province, max_share: 0.2}\n",
                "quotas[0].scope: a quota is counted in the bloc or over all the branches the run rates");
    }

    @Test
    void targetsNameATierAndAMinimumOrAMaximumShare() {
        RuleSet rules = Fixtures.rules(VALID + """
                targets:
                  - {id: tot, title: {vi: Tốt trở lên, en: Good or better}, tier: TOP, min_share: 0.7}
                """);
        Target target = rules.targets().get(0);
        assertThat(target.metBy(new BigDecimal("0.7"))).isTrue();
        assertThat(target.metBy(new BigDecimal("0.69"))).isFalse();
        String yaml = VALID + """
                targets:
                  - {id: a, title: {vi: A}, tier: MIDDLE, min_share: 0.7}
                  - {id: b, title: {vi: B}, tier: TOP, min_share: 0.7, max_share: 0.9}
                  - {id: c, title: {vi: C}, tier: TOP, max_share: 2}
                """;
        assertThatThrownBy(() -> Fixtures.rules(yaml))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Message::english)
                        .containsExactly(
                                "targets[0].tier: unknown tier 'MIDDLE' (tiers: TOP, REST)",
                                "targets[1]: must have exactly one of min_share or max_share",
                                "targets[2].max_share: must be between 0 and 1, found 2"));
    }

    @Test
    void duplicateKeysAndBrokenYamlAreReported() {
        assertProblem(VALID + "year: 2031\n", "not valid YAML: Duplicate");
        assertProblem("groups: [", "not valid YAML");
    }

    @Test
    void derivedValuesNeedNumericFacts() {
        assertProblem(
                VALID + "derived:\n  - {id: r, ratio: [flag, n]}\n",
                "derived[0].ratio[0]: 'flag' is not a numeric fact");
    }

    @Test
    void comparisonValuesAreExactDecimals() {
        RuleSet rules = Fixtures.rules(
                VALID + "caps:\n  - {id: c, when: {total: ~, ge: 0.1}, max_tier: REST, reason: {vi: L}}\n");
        Condition.Compare compare = (Condition.Compare) rules.caps().get(0).when();
        assertThat(compare.value()).isEqualTo(new BigDecimal("0.1"));
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> Fixtures.rules(yaml))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems())
                        .extracting(Message::english)
                        .anyMatch(p -> p.startsWith(expected)));
    }
}
