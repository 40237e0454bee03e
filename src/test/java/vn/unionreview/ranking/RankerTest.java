package vn.unionreview.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.unionreview.Fixtures.branch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.BranchScorer;
import vn.unionreview.scoring.Submission;

class RankerTest {

    private final RuleSet rules = Fixtures.rules2025();

    /** Scores "code bloc each extra" lines, ranks them, and indexes the results by code. */
    private Map<String, BranchResult> rank(RuleSet rules, String... lines) {
        BranchScorer scorer = new BranchScorer(rules);
        List<BranchScore> scores = new ArrayList<>();
        for (String line : lines) {
            String[] p = line.split(" ", 4);
            Submission s = Fixtures.uniform2025(p[0], p[2], p.length > 3 ? p[3] : "");
            scores.add(scorer.score(branch(p[0], p[1]), s));
        }
        return new Ranker(rules)
                .rank(scores).stream().collect(Collectors.toMap(r -> r.branch().code(), Function.identity()));
    }

    private String tier(BranchResult r) {
        return rules.tiers().get(r.tier()).id();
    }

    @Test
    void equalKeysShareACompetitionRank() {
        Map<String, BranchResult> r = rank(rules, "a K1 8", "b K1 7", "c K1 7", "d K1 6");
        assertThat(List.of(
                        r.get("a").rankBloc(),
                        r.get("b").rankBloc(),
                        r.get("c").rankBloc(),
                        r.get("d").rankBloc()))
                .containsExactly(1, 2, 2, 4);
    }

    @Test
    void tieBreaksOrderEqualTotals() {
        // equal totals (80); b has more in group C (C3 10 instead of A1 10)
        Map<String, BranchResult> r = rank(rules, "a K1 8 A1=10 C3=6", "b K1 8 A1=6 C3=10", "c K1 8 members_union=99");
        assertThat(r.get("b").rankBloc()).isEqualTo(1);
        assertThat(r.get("c").rankBloc()).as("same C as a, more members").isEqualTo(2);
        assertThat(r.get("a").rankBloc()).isEqualTo(3);
    }

    @Test
    void anUndefinedTieBreakSortsAfterEveryDefinedValue() {
        // same total, same C, same members_union; x's membership rate is undefined (members_total 0)
        Map<String, BranchResult> r = rank(rules, "x K1 8 members_total=0", "y K1 8 members_total=1000");
        assertThat(r.get("y").rankBloc()).as("rate 0.095 still beats undefined").isEqualTo(1);
        assertThat(r.get("x").rankBloc()).isEqualTo(2);
    }

    @Test
    void ranksInsideEachBlocAndOverall() {
        Map<String, BranchResult> r = rank(rules, "a K1 9", "b K2 8", "c K1 7", "d K2 9.5");
        assertThat(r.get("d").rankAll()).isEqualTo(1);
        assertThat(r.get("d").rankBloc()).isEqualTo(1);
        assertThat(r.get("a").rankAll()).isEqualTo(2);
        assertThat(r.get("a").rankBloc()).isEqualTo(1);
        assertThat(r.get("c").rankAll()).isEqualTo(4);
        assertThat(r.get("c").rankBloc()).isEqualTo(2);
    }

    @Test
    void theQuotaKeepsTheBestAndMovesTheRestDownOneTier() {
        // 7 in bloc, all XS (≥ 90, every group ≥ 80%); floor(0.3 × 7) = 2 keep XS
        Map<String, BranchResult> r =
                rank(rules, "a K 10", "b K 9.5", "c K 9", "d K 9 E1=1", "e K 9 E1=2", "f K 9 E1=3", "g K 9 E2=0.5");
        assertThat(r.values().stream().filter(b -> b.tier() == 0))
                .extracting(b -> b.branch().code())
                .containsExactlyInAnyOrder("a", "b");
        assertThat(tier(r.get("f"))).isEqualTo("TOT");
        assertThat(r.get("f").demotedByQuota()).isTrue();
        assertThat(r.get("f").explanation())
                .contains("quota XS (floor(0.3 × 7) per bloc): 2 allowed, 7 qualified; moved to TOT");
        assertThat(r.get("a").demotedByQuota()).isFalse();
    }

    @Test
    void branchesTiedAcrossTheQuotaLimitAreAllMovedDown() {
        // floor(0.3 × 7) = 2; a is first, b and c tie for second: both move, only one keeps XS
        Map<String, BranchResult> r = rank(rules, "a K 10", "b K 9.5", "c K 9.5", "d K 5", "e K 5", "f K 5", "g K 5");
        assertThat(tier(r.get("a"))).isEqualTo("XS");
        assertThat(tier(r.get("b"))).isEqualTo("TOT");
        assertThat(tier(r.get("c"))).isEqualTo("TOT");
        assertThat(r.get("b").explanation()).anyMatch(l -> l.endsWith("moved to TOT (tied across the limit)"));
    }

    @Test
    void aMovedBranchMeetsTheNextTiersQuotaToo() {
        String yaml = readRules()
                .replace(
                        "quotas:\n  - {tier: XS, scope: bloc, max_share: 0.3}",
                        "quotas:\n  - {tier: XS, scope: all, max_count: 1}\n  - {tier: TOT, scope: all, max_count: 1}");
        RuleSet strict = Fixtures.rules(yaml);
        Map<String, BranchResult> r = rank(strict, "a K 10", "b K 9.5", "c K 9");
        assertThat(List.of(r.get("a").tier(), r.get("b").tier(), r.get("c").tier()))
                .containsExactly(0, 1, 2);
        assertThat(r.get("c").explanation())
                .filteredOn(l -> l.startsWith("quota"))
                .hasSize(2);
    }

    @Test
    void awardsFollowTierRankExcludesAndShares() {
        // 10 branches over two blocs; BK and GK may each go to floor(0.2 × 10) = 2
        Map<String, BranchResult> r = rank(
                rules,
                "a K1 10",
                "b K1 9.5",
                "c K1 8",
                "d K1 7.5",
                "e K1 5",
                "f K2 9.5 E1=1",
                "g K2 9",
                "h K2 8.5",
                "i K2 7",
                "j K2 4");
        // quota: floor(0.3 × 5) = 1 XS per bloc: a in K1, f in K2; others XS-qualified move to TOT
        assertThat(r.get("a").awards()).containsExactly("CO");
        assertThat(r.get("f").awards()).containsExactly("CO");
        assertThat(r.values().stream().filter(b -> b.awards().contains("BK")))
                .as("no XS branch left without CO")
                .isEmpty();
        // GK: TOT or better, not CO/BK; best two overall: b (95, TOT by quota), g (90, TOT by quota)
        assertThat(r.get("b").awards()).containsExactly("GK");
        assertThat(r.get("g").awards()).containsExactly("GK");
        assertThat(r.get("h").awards()).isEmpty();
        assertThat(r.values()).noneMatch(BranchResult::awardTie);
    }

    @Test
    void branchesTiedForTheOneFlagAreAllProposedAndFlagged() {
        Map<String, BranchResult> r =
                rank(rules, "a K1 10", "b K1 10", "c K1 5", "d K1 5", "e K1 5", "f K1 5", "g K1 5");
        // the XS quota (floor 2.1 = 2) keeps both; one flag per bloc, tied: both proposed, flagged
        assertThat(r.get("a").awards()).containsExactly("CO");
        assertThat(r.get("b").awards()).containsExactly("CO");
        assertThat(r.get("a").awardTie()).isTrue();
        assertThat(r.get("b").explanation())
                .anyMatch(l -> l.contains("tied across the limit with 1 other(s), for the council to decide"));
    }

    @Test
    void anAwardWithNoRoomProposesNobody() {
        // 4 branches: floor(0.2 × 4) = 0 certificates of merit or commendation
        Map<String, BranchResult> r = rank(rules, "a K1 10", "b K1 8", "c K1 8", "d K1 8");
        assertThat(r.values()).allMatch(b -> b.awards().isEmpty() || b.awards().equals(List.of("CO")));
        assertThat(r.get("a").awards()).containsExactly("CO");
    }

    static String readRules() {
        try {
            return Files.readString(Path.of("config/rules/2025.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 2025 rules with {@code ranking.tier_first} set as given. */
    private static RuleSet tierFirst(boolean on) throws IOException {
        String yaml = Files.readString(Path.of("config/rules/2025.yaml"))
                .replaceAll("(?m)^  tier_first: \\w+\\n", "")
                .replace("ranking:\n", "ranking:\n  tier_first: " + on + "\n");
        RuleSet rules = Fixtures.rules(yaml);
        assertThat(rules.tierFirst()).isEqualTo(on);
        return rules;
    }

    @Test
    void withTierFirstACappedBranchRanksBelowTheTierItFellTo() throws Exception {
        // a: 98.5 with a work stoppage, capped at HT; b: 91 XS; c: 75 TOT; d: 60 HT (all in one bloc)
        String[] bloc = {
            "a K 9.5 A1=10 A2=10 A3=10 C1=10 C2=10 C3=10 B1=10 work_stoppage=true",
            "b K 9 A1=10 A2=10",
            "c K 7.5",
            "d K 6"
        };
        Map<String, BranchResult> off = rank(tierFirst(false), bloc);
        assertThat(off.get("a").score().total()).isEqualByComparingTo("98.5"); // 9.5 × 10 + 0.5 × 7
        assertThat(rules.tiers().get(off.get("a").tier()).id()).isEqualTo("HT");
        assertThat(List.of(
                        off.get("a").rankBloc(),
                        off.get("b").rankBloc(),
                        off.get("c").rankBloc(),
                        off.get("d").rankBloc()))
                .as("by total alone, the capped branch is first")
                .containsExactly(1, 2, 3, 4);
        Map<String, BranchResult> on = rank(tierFirst(true), bloc);
        assertThat(List.of(
                        on.get("b").rankBloc(),
                        on.get("c").rankBloc(),
                        on.get("a").rankBloc(),
                        on.get("d").rankBloc()))
                .as("XS, TOT, then the two HT by total")
                .containsExactly(1, 2, 3, 4);
        assertThat(on.get("a").rankAll()).isEqualTo(3);
    }

    @Test
    void withTierFirstTiesAreWithinATierAndAwardsFollowTheReportedOrder() throws Exception {
        // p and q: 85 TOT each (one capped from XS by dues not remitted: 95); with tier first, the capped one
        // (95, TOT) ranks above the plain TOT ones (85) but below every XS; GK (min TOT, 20% of 10 = 2) goes to
        // the best TOT branches in that order
        String[] province = {
            "x1 K 10",
            "x2 K 9.5 C1=10",
            "p K 9.5 dues_remitted=false",
            "q K 8.5",
            "r K 8.5",
            "s K 8",
            "t K 7.5",
            "u K 7",
            "v K 6",
            "w K 5"
        };
        Map<String, BranchResult> on = rank(tierFirst(true), province);
        assertThat(tierOf(on, "p")).isEqualTo("TOT");
        assertThat(on.get("p").rankAll()).isEqualTo(3);
        assertThat(on.get("q").rankAll()).isEqualTo(4);
        assertThat(on.get("r").rankAll()).as("q and r are tied").isEqualTo(4);
        assertThat(on.get("s").rankAll()).isEqualTo(6);
        // CO to x1 (1 per bloc); BK 20% of 10 = 2 XS excluding CO: x2 only; GK 2 of the TOT: p, then q and r tied for
        // one place
        assertThat(on.get("x1").awards()).containsExactly("CO");
        assertThat(on.get("x2").awards()).containsExactly("BK");
        assertThat(on.get("p").awards()).containsExactly("GK");
        assertThat(on.get("q").awards()).containsExactly("GK");
        assertThat(on.get("q").awardTie()).isTrue();
        assertThat(on.get("r").awardTie()).isTrue();
        assertThat(on.get("s").awards()).isEmpty();
    }

    private String tierOf(Map<String, BranchResult> results, String code) {
        return rules.tiers().get(results.get(code).tier()).id();
    }

    /** A unit's published result: its total, tier after caps and rank in its own bloc. */
    private static BranchResult kept(RuleSet rules, String code, String total, String tier, int rankBloc) {
        int index = rules.tierIndex(tier);
        BranchScore score = new BranchScore(
                branch(code, "Khối phường"),
                new java.math.BigDecimal(total),
                java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ZERO,
                new java.math.BigDecimal(total),
                index,
                index,
                List.of(),
                java.util.Collections.nCopies(rules.tieBreaks().size(), null),
                java.math.BigDecimal.ZERO,
                List.of("result published by the unit"));
        return BranchResult.kept(score, index, false, rankBloc, "P-TS");
    }

    @Test
    void aUnitsResultsAreRankedInTheProvinceAndProposedForItsAwardsButNoQuotaMovesThem() throws IOException {
        RuleSet province = Fixtures.rules(Files.readString(Path.of("config/rules/2025.yaml"))
                .replace("    scope: all\n    excludes: [CO, BK]", "    scope: province\n    excludes: [CO, BK]"));
        BranchScorer scorer = new BranchScorer(province);
        List<BranchScore> own = new ArrayList<>();
        for (String line : List.of("a K1 9", "b K1 7", "c K1 6")) {
            String[] p = line.split(" ");
            own.add(scorer.score(branch(p[0], p[1]), Fixtures.uniform2025(p[0], p[2], "")));
        }
        Map<String, BranchResult> r = new Ranker(province)
                .rank(own, List.of(kept(province, "u1", "95", "XS", 1), kept(province, "u2", "80", "TOT", 3))).stream()
                        .collect(Collectors.toMap(x -> x.branch().code(), Function.identity()));
        // the province's XS quota (30% of its bloc of three) moves its own a down, not the unit's u1
        assertThat(province.tiers().get(r.get("a").tier()).id()).isEqualTo("TOT");
        assertThat(r.get("a").demotedByQuota()).isTrue();
        assertThat(province.tiers().get(r.get("u1").tier()).id()).isEqualTo("XS");
        assertThat(r.get("u1").demotedByQuota()).isFalse();
        // ranked overall among the province's own, final tier first; the rank in bloc is the unit's
        assertThat(List.of("u1", "a", "u2", "b", "c").stream().map(c -> r.get(c).rankAll()))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(r.get("u2").rankBloc()).isEqualTo(3);
        assertThat(r.get("u1").unit()).isEqualTo("P-TS");
        assertThat(r.get("a").unit()).isEmpty();
        // GK counts over the province (floor(0.2 × 5) = 1): the unit's best takes it
        assertThat(r.get("u1").awards()).containsExactly("GK");
        assertThat(r.get("a").awards()).isEmpty();
    }
}
