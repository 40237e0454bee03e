package vn.unionreview.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.unionreview.Fixtures.branch;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.ranking.BranchResult;
import vn.unionreview.ranking.Ranker;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.BranchScorer;

/** The council's decisions file: validated whole before any data is read, then applied after step 7, in order. */
class DecisionsTest {

    private static final RuleSet RULES = Fixtures.rules2025();
    private static final String HEAD =
            "format: union-review/decisions/v1\nmeeting: {number: \"05/BB-HĐTĐKT\", date: 2026-01-10}\n";

    private static CouncilDecisions parse(String yaml) {
        return DecisionsLoader.parse("decisions.yaml", yaml.getBytes(StandardCharsets.UTF_8), RULES);
    }

    private static String problems(String yaml) {
        Throwable t = catchThrowable(() -> parse(yaml));
        assertThat(t).isInstanceOf(DecisionsException.class);
        return t.getMessage();
    }

    @Test
    void readsTheMeetingAndEachKindOfDecision() {
        CouncilDecisions d = parse(HEAD + """
                decisions:
                  - {branch: cdcs-025, award: CO, action: withdraw, reason: "Hội đồng chọn trường kia"}
                  - {branch: CDCS-039, award: BK, action: grant, reason: "Mô hình tiêu biểu"}
                  - {branch: CDCS-002, tier: TOT, reason: "Khiếu nại được chấp nhận"}
                """);
        assertThat(d.meetingNumber()).isEqualTo("05/BB-HĐTĐKT");
        assertThat(d.meetingDate()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(d.decisions())
                .containsExactly(
                        new CouncilDecisions.WithdrawAward("CDCS-025", "CO", "Hội đồng chọn trường kia"),
                        new CouncilDecisions.GrantAward("CDCS-039", "BK", "Mô hình tiêu biểu"),
                        new CouncilDecisions.SetTier("CDCS-002", "TOT", "Khiếu nại được chấp nhận"));
    }

    @Test
    void aFileThatBreaksTheFormatIsRefusedWithEveryKeyPath() {
        assertThat(problems("format: union-review/decisions/v9\nmeeting: {number: 5}\ndecisions:\n"
                        + "  - {branch: X, award: ZZ, action: withdraw, reason: r}\n"
                        + "  - {branch: X, award: CO, action: keep, reason: r}\n"
                        + "  - {branch: X, tier: TOT, award: CO, reason: r}\n"
                        + "  - {branch: X, tier: XX, reason: r}\n"
                        + "  - {branch: X, tier: TOT}\n"
                        + "  - {branch: X, tier: TOT, reason: r, note: n}\n"))
                .contains(
                        "format: must be 'union-review/decisions/v1', found 'union-review/decisions/v9'",
                        "meeting.date: missing",
                        "decisions[0].award: no award 'ZZ' in the 2025 rules",
                        "decisions[1].action: must be withdraw or grant, found 'keep'",
                        "decisions[2]: must have either award (with action) or tier",
                        "decisions[3].tier: no tier 'XX' in the 2025 rules",
                        "decisions[4].reason: missing",
                        "decisions[5].note: unknown key");
        assertThat(problems(HEAD + "decisions:\n  - {branch: \"" + "X".repeat(70) + "\", tier: TOT, reason: r}\n"))
                .contains("decisions[0].branch: the branch code is 70 characters long");
        assertThat(problems("meeting: [")).contains("not valid YAML");
    }

    @Test
    void aProvincesCouncilMayOnlyReturnUnitsResults() {
        CouncilDecisions d = parse(HEAD + """
                returns:
                  - {unit: p-ts, reason: "Biên bản họp xét thiếu chữ ký"}
                  - {unit: X-TH, reason: "Sai khối thi đua"}
                """);
        assertThat(d.decisions()).isEmpty();
        assertThat(d.returns())
                .containsExactly(
                        new CouncilDecisions.Return("P-TS", "Biên bản họp xét thiếu chữ ký"),
                        new CouncilDecisions.Return("X-TH", "Sai khối thi đua"));
        assertThat(parse(HEAD + "decisions: []\n").returns()).isEmpty();
    }

    @Test
    void aReturnThatBreaksTheFormatIsRefusedWithItsKeyPath() {
        assertThat(problems(HEAD + """
                        decisions: []
                        returns:
                          - {unit: P-TS, reason: r}
                          - {unit: p-ts, reason: again}
                          - {unit: X-TH}
                          - {branch: CDCS-001, unit: X-CX, reason: r}
                          - X-CX
                        """))
                .contains(
                        "returns[1].unit: unit P-TS is returned twice",
                        "returns[2].reason: missing",
                        "returns[3].branch: unknown key",
                        "returns[4]: must be a mapping with unit");
        assertThat(problems(HEAD + "returns: {unit: P-TS}\n")).contains("returns: must be a list");
        assertThat(problems(HEAD)).contains("decisions: must be a list");
    }

    /**
     * Scores "code bloc each extra" lines under the 2025 rules and ranks them, in a bloc of ten (seven more branches at
     * 6 each), where the XS quota keeps three.
     */
    private static List<BranchResult> rank(String... lines) {
        BranchScorer scorer = new BranchScorer(RULES);
        List<BranchScore> scores = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of(lines));
        for (int i = all.size(); i < 10; i++) {
            all.add("Z" + i + " K 6");
        }
        for (String line : all) {
            String[] p = line.split(" ", 4);
            scores.add(scorer.score(branch(p[0], p[1]), Fixtures.uniform2025(p[0], p[2], p.length > 3 ? p[3] : "")));
        }
        return new Ranker(RULES).rank(scores);
    }

    private static Map<String, BranchResult> byCode(List<BranchResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.branch().code(), Function.identity()));
    }

    @Test
    void withdrawingAnAwardFromOneOfATiedGroupSettlesTheTie() {
        List<BranchResult> ranked = rank("A K 10", "B K 10", "C K 9");
        assertThat(byCode(ranked).get("A").awardTie()).isTrue();
        assertThat(byCode(ranked).get("B").awards()).contains("CO");
        DecisionApplier.Applied applied = new DecisionApplier(RULES)
                .apply(
                        parse(
                                HEAD
                                        + "decisions:\n  - {branch: b, award: CO, action: withdraw, reason: \"the council chose A\"}\n"),
                        ranked,
                        codes(ranked));
        Map<String, BranchResult> after = byCode(applied.results());
        assertThat(after.get("A").awards()).containsExactly("CO");
        assertThat(after.get("A").awardTie())
                .as("the one left holding it fits the limit")
                .isFalse();
        assertThat(after.get("B").awards()).doesNotContain("CO");
        assertThat(after.get("B").awardTie()).isFalse();
        assertThat(after.get("B").explanation())
                .last()
                .asString()
                .isEqualTo("council decision (meeting 05/BB-HĐTĐKT): CO withdrawn (the council chose A)");
        assertThat(applied.decided()).containsExactly("B");
    }

    @Test
    void aGrantIsOnlyWithinTheLimitAndADecisionThatDoesNotFitIsNotApplied() {
        List<BranchResult> ranked = rank("A K 10", "B K 9", "C K 7.5");
        DecisionApplier.Applied applied =
                new DecisionApplier(RULES).apply(parse(HEAD + """
                decisions:
                  - {branch: b, award: CO, action: grant, reason: r1}
                  - {branch: c, award: CO, action: withdraw, reason: r2}
                  - {branch: zz, tier: HT, reason: r3}
                  - {branch: c, award: BK, action: grant, reason: r4}
                  - {branch: d, tier: HT, reason: r5}
                """), ranked, Set.of("A", "B", "C", "D"));
        assertThat(applied.outcomes())
                .extracting(o -> o.note().english())
                .containsExactly(
                        "not applied: over the limit of CO: 1 allowed in the bloc, 1 hold it",
                        "not applied: C does not hold CO",
                        "not applied: branch ZZ is not in the year's registry: check the code",
                        "not applied: C's tier TOT is below BK's minimum tier XS",
                        "not applied: branch D was not scored this year: it is in the registry, but nothing it sent was accepted");
        assertThat(applied.decided()).isEmpty();
        assertThat(applied.results()).isEqualTo(ranked);
    }

    @Test
    void aTierDecisionBelowAnAwardsMinimumWithdrawsItAndSaysSo() {
        List<BranchResult> ranked = rank("A K 10", "B K 9");
        assertThat(byCode(ranked).get("A").awards()).containsExactly("CO");
        DecisionApplier.Applied applied = new DecisionApplier(RULES)
                .apply(
                        parse(HEAD
                                + "decisions:\n  - {branch: a, tier: TOT, reason: \"thanh tra phát hiện sai phạm\"}\n"),
                        ranked,
                        codes(ranked));
        BranchResult a = byCode(applied.results()).get("A");
        assertThat(RULES.tiers().get(a.tier()).id()).isEqualTo("TOT");
        assertThat(a.awards()).isEmpty();
        assertThat(applied.outcomes().get(0).note().english())
                .isEqualTo("final tier set to TOT, CO withdrawn: TOT is below its minimum tier XS");
        assertThat(a.rankBloc()).as("ranks are not recomputed").isEqualTo(1);
    }

    private static Set<String> codes(List<BranchResult> ranked) {
        return ranked.stream().map(r -> r.branch().code()).collect(Collectors.toSet());
    }
}
