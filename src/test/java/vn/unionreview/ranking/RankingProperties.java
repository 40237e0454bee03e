package vn.unionreview.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.Seeded;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Quota;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Scope;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.BranchScorer;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

/** Invariants of scoring and ranking over random provinces under the 2025 rules. */
class RankingProperties {

    private static final RuleSet RULES = Fixtures.rules2025();

    /** A province of 1 to 60 branches with unique codes, in up to 6 blocs. */
    static List<BranchScore> province(Random random) {
        int size = 1 + random.nextInt(60);
        List<BranchScore> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int bloc = random.nextInt(6);
            int seed = random.nextInt(Integer.MAX_VALUE);
            int level = random.nextInt(4); // score level: many ties when coarse
            out.add(rescore(score("K" + bloc, seed, level), "B" + i));
        }
        return out;
    }

    private static final Map<String, Submission> SUBMISSIONS = new ConcurrentHashMap<>();

    private static BranchScore score(String bloc, int seed, int level) {
        Random random = new Random(seed);
        Map<String, BigDecimal> self = new HashMap<>();
        for (Criterion c : RULES.criteria()) {
            int steps = c.max().multiply(BigDecimal.valueOf(2)).intValue();
            // level 0: coarse scores (many ties); higher levels: anywhere on the scale
            int pick = level == 0 ? steps - random.nextInt(2) * 2 : random.nextInt(steps + 1);
            self.put(c.id(), BigDecimal.valueOf(pick).divide(BigDecimal.valueOf(2)));
        }
        Map<String, FactValue> facts = Map.of(
                "members_total", FactValue.of(BigDecimal.valueOf(random.nextInt(3) * 10)),
                "members_union", FactValue.of(BigDecimal.valueOf(random.nextInt(3) * 5)),
                "work_stoppage", FactValue.of(random.nextInt(10) == 0),
                "dues_remitted", FactValue.of(random.nextInt(10) != 0));
        Submission s = new Submission("tmp", self, Map.of(), facts);
        String key = bloc + "/" + seed + "/" + level;
        SUBMISSIONS.put(key, s);
        return new BranchScorer(RULES).score(new Branch(key, "x", bloc), s);
    }

    private static BranchScore rescore(BranchScore s, String code) {
        Submission sub = SUBMISSIONS.get(s.branch().code());
        return new BranchScorer(RULES)
                .score(new Branch(code, "Công đoàn " + code, s.branch().bloc()), sub);
    }

    @Test
    void aQuotaIsNeverExceeded() {
        Seeded.forAll(300, RankingProperties::province, scores -> {
            List<BranchResult> results = new Ranker(RULES).rank(scores);
            for (Quota quota : RULES.quotas()) {
                int tier = RULES.tierIndex(quota.tier());
                Map<String, List<BranchResult>> scopes = results.stream()
                        .collect(Collectors.groupingBy(r ->
                                quota.scope() == Scope.ALL ? "*" : r.branch().bloc()));
                scopes.values()
                        .forEach(scope -> assertThat(scope.stream()
                                        .filter(r -> r.tier() == tier)
                                        .count())
                                .isLessThanOrEqualTo(quota.allowed(scope.size())));
            }
        });
    }

    @Test
    void ranksAreConsistentWithTotals() {
        for (RuleSet rules : List.of(PLAIN, RULES)) {
            // with ranking.tier_first (the shipped 2025 rules) the final tier comes before the total
            Comparator<BranchResult> reported = Comparator.<BranchResult>comparingInt(
                            r -> rules.tierFirst() ? r.tier() : 0)
                    .thenComparing(BranchResult::score, Ranker.rankingKeys(rules));
            Seeded.forAll(300, RankingProperties::province, scores -> {
                List<BranchResult> results = new Ranker(rules).rank(scores); // scores do not depend on tier_first
                for (BranchResult a : results) {
                    for (BranchResult b : results) {
                        int ahead = reported.compare(a, b);
                        if (ahead < 0) {
                            assertThat(a.rankAll()).isLessThan(b.rankAll());
                        }
                        if (ahead < 0 && a.branch().bloc().equals(b.branch().bloc())) {
                            assertThat(a.rankBloc()).isLessThan(b.rankBloc());
                        }
                    }
                    long better = results.stream()
                            .filter(o -> reported.compare(o, a) < 0)
                            .count();
                    assertThat(a.rankAll())
                            .as("competition rank = 1 + branches strictly ahead")
                            .isEqualTo(better + 1);
                }
            });
        }
    }

    /** The 2025 rules without ranking.tier_first, as rule files written before it score. */
    private static final RuleSet PLAIN = new RuleSet(
            RULES.year(),
            RULES.title(),
            RULES.issuer(),
            RULES.step(),
            RULES.groups(),
            RULES.bonus(),
            RULES.penalty(),
            RULES.facts(),
            RULES.derived(),
            RULES.tiers(),
            RULES.caps(),
            RULES.quotas(),
            RULES.tieBreaks(),
            RULES.awards(),
            false,
            null,
            null,
            List.of());

    @Test
    void theTotalIsNeverNegativeAndTiersOnlyGetWorse() {
        Seeded.forAll(300, RankingProperties::province, scores -> {
            for (BranchResult r : new Ranker(RULES).rank(scores)) {
                assertThat(r.score().total().signum()).isGreaterThanOrEqualTo(0);
                assertThat(r.score().tierAfterCaps())
                        .isGreaterThanOrEqualTo(r.score().tierBeforeCaps());
                assertThat(r.tier()).isGreaterThanOrEqualTo(r.score().tierAfterCaps());
                assertThat(r.tier() - r.score().tierAfterCaps())
                        .as("a quota moves down one tier per quota")
                        .isLessThanOrEqualTo(1);
            }
        });
    }

    @Test
    void theResultDoesNotDependOnInputOrder() {
        Seeded.forAll(200, random -> Map.entry(province(random), random.nextLong()), pair -> {
            List<BranchScore> scores = pair.getKey();
            long seed = pair.getValue();
            List<BranchScore> shuffled = new ArrayList<>(scores);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(summary(new Ranker(RULES).rank(shuffled))).isEqualTo(summary(new Ranker(RULES).rank(scores)));
        });
    }

    @Test
    void everyAwardRespectsItsLimitUnlessTied() {
        Seeded.forAll(200, RankingProperties::province, scores -> {
            List<BranchResult> results = new Ranker(RULES).rank(scores);
            Map<String, List<BranchResult>> byBloc = results.stream()
                    .collect(Collectors.groupingBy(r -> r.branch().bloc()));
            byBloc.values().forEach(bloc -> {
                List<BranchResult> flags =
                        bloc.stream().filter(r -> r.awards().contains("CO")).toList();
                if (flags.size() > 1) {
                    assertThat(flags).allMatch(BranchResult::awardTie);
                }
                assertThat(flags).allMatch(r -> r.tier() == 0);
            });
            assertThat(results)
                    .allMatch(r -> !(r.awards().contains("CO") && r.awards().contains("BK")));
        });
    }

    private static Map<String, String> summary(List<BranchResult> results) {
        return results.stream()
                .collect(Collectors.toMap(
                        r -> r.branch().code(),
                        r -> r.tier() + "/" + r.rankBloc() + "/" + r.rankAll() + "/" + r.awards() + "/" + r.awardTie(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    static Function<BranchResult, String> code() {
        return r -> r.branch().code();
    }
}
