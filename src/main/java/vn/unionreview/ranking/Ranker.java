package vn.unionreview.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

import vn.unionreview.rules.Award;
import vn.unionreview.rules.Quota;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Scope;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.Decimals;

/**
 * Computation steps 5–7 over all scored branches: competition ranks (1, 2, 2, 4) in each bloc and overall, quotas best
 * tier first (a quota is never exceeded; ties across the limit all move down), with {@code ranking.tier_first} the
 * ranks again keyed on the final tier first (step 6b), then awards best first in the order of the reported ranks (ties
 * across the limit are all proposed and flagged). A province's run also has the results its units published
 * ({@link BranchResult#kept}): they are ranked overall among its own and may be proposed for awards counted over the
 * province, but no quota moves them and they keep their unit's rank in bloc.
 */
public final class Ranker {

    private final RuleSet rules;
    private final Comparator<BranchScore> byKeys;

    public Ranker(RuleSet rules) {
        this.rules = rules;
        this.byKeys = rankingKeys(rules);
    }

    /** Total descending, then each tie-break (descending unless asc); undefined values sort last. */
    public static Comparator<BranchScore> rankingKeys(RuleSet rules) {
        Comparator<BranchScore> keys = Comparator.comparing(BranchScore::total, Comparator.reverseOrder());
        for (int i = 0; i < rules.tieBreaks().size(); i++) {
            int index = i;
            Comparator<BigDecimal> order =
                    rules.tieBreaks().get(i).ascending() ? Comparator.naturalOrder() : Comparator.reverseOrder();
            keys = keys.thenComparing(s -> s.tieBreakKeys().get(index), Comparator.nullsLast(order));
        }
        return keys;
    }

    public List<BranchResult> rank(List<BranchScore> scores) {
        return rank(scores, List.of());
    }

    /** @param kept the results of the province's units, of this rule set's kind: see {@link BranchResult#kept} */
    public List<BranchResult> rank(List<BranchScore> scores, List<BranchResult> kept) {
        List<BranchScore> ordered = new ArrayList<>(scores);
        ordered.sort(byKeys.thenComparing(s -> s.branch().code()));
        Map<String, List<BranchScore>> blocs = new LinkedHashMap<>();
        for (BranchScore s : ordered) {
            blocs.computeIfAbsent(s.branch().bloc(), b -> new ArrayList<>()).add(s);
        }

        Map<String, Working> work = new LinkedHashMap<>();
        for (BranchScore s : ordered) {
            work.put(s.branch().code(), new Working(s));
        }
        kept.forEach(k -> work.put(k.branch().code(), new Working(k)));
        // the whole province's year: its own branches and its units'
        List<BranchScore> province = new ArrayList<>(ordered);
        kept.forEach(k -> province.add(k.score()));
        province.sort(byKeys.thenComparing(s -> s.branch().code()));
        assignRanks(List.of(province), work, byKeys, (w, r) -> w.rankAll = r);
        assignRanks(blocs.values(), work, byKeys, (w, r) -> w.rankBloc = r);

        applyQuotas(ordered, blocs, work);

        Comparator<BranchScore> reported = byKeys;
        if (rules.tierFirst()) {
            // step 6b: the final tier first, then the keys of step 5; awards follow these ranks
            reported = Comparator.<BranchScore>comparingInt(s -> work.get(code(s)).tier)
                    .thenComparing(byKeys);
            ordered.sort(reported.thenComparing(s -> s.branch().code()));
            province.sort(reported.thenComparing(s -> s.branch().code()));
            blocs.values()
                    .forEach(bloc -> bloc.sort(Comparator.<BranchScore>comparingInt(s -> work.get(code(s)).tier)
                            .thenComparing(byKeys)
                            .thenComparing(s -> s.branch().code())));
            assignRanks(List.of(province), work, reported, (w, r) -> w.rankAll = r);
            assignRanks(blocs.values(), work, reported, (w, r) -> w.rankBloc = r);
        }
        proposeAwards(ordered, province, blocs, work, reported);

        return work.values().stream().map(Working::result).toList();
    }

    private void assignRanks(
            Iterable<List<BranchScore>> scopes,
            Map<String, Working> work,
            Comparator<BranchScore> keys,
            ObjIntConsumer<Working> set) {
        for (List<BranchScore> scope : scopes) {
            int position = 0;
            for (List<BranchScore> tied : tieGroups(scope, keys)) {
                int rank = position + 1;
                tied.forEach(s -> set.accept(work.get(s.branch().code()), rank));
                position += tied.size();
            }
        }
    }

    private void applyQuotas(
            List<BranchScore> ordered, Map<String, List<BranchScore>> blocs, Map<String, Working> work) {
        for (int tier = 0; tier < rules.tiers().size() - 1; tier++) {
            for (Quota quota : rules.quotas()) {
                if (rules.tierIndex(quota.tier()) != tier) {
                    continue;
                }
                for (List<BranchScore> scope : scopes(quota.scope(), ordered, ordered, blocs)) {
                    int level = tier;
                    List<BranchScore> holders = scope.stream()
                            .filter(s -> work.get(code(s)).tier == level)
                            .toList();
                    int allowed = quota.allowed(scope.size());
                    if (holders.size() <= allowed) {
                        continue;
                    }
                    String lower = rules.tiers().get(tier + 1).id();
                    int kept = 0;
                    boolean full = false;
                    for (List<BranchScore> tied : tieGroups(holders, byKeys)) {
                        if (!full && kept + tied.size() <= allowed) {
                            kept += tied.size();
                            continue;
                        }
                        boolean straddles = !full && kept < allowed;
                        full = true; // nothing ranked below a moved group keeps the tier
                        for (BranchScore s : tied) {
                            Working w = work.get(code(s));
                            w.tier = tier + 1;
                            w.demoted = true;
                            w.why.add("quota " + quota.tier() + " (" + describe(quota, scope) + "): " + allowed
                                    + " allowed, " + holders.size() + " qualified; moved to " + lower
                                    + (straddles ? " (tied across the limit)" : ""));
                        }
                    }
                }
            }
        }
    }

    private void proposeAwards(
            List<BranchScore> ordered,
            List<BranchScore> province,
            Map<String, List<BranchScore>> blocs,
            Map<String, Working> work,
            Comparator<BranchScore> keys) {
        for (Award award : rules.awards()) {
            int minTier = rules.tierIndex(award.minTier());
            for (List<BranchScore> scope : scopes(award.effectiveScope(), ordered, province, blocs)) {
                List<BranchScore> eligible = scope.stream()
                        .filter(s -> {
                            Working w = work.get(code(s));
                            return w.tier <= minTier
                                    && award.excludes().stream().noneMatch(w.awards::contains);
                        })
                        .toList();
                int allowed = award.allowed(scope.size());
                int proposed = 0;
                for (List<BranchScore> tied : tieGroups(eligible, keys)) {
                    if (proposed >= allowed) {
                        break;
                    }
                    boolean tie = proposed + tied.size() > allowed;
                    for (BranchScore s : tied) {
                        Working w = work.get(code(s));
                        w.awards.add(award.id());
                        w.awardTie |= tie;
                        w.why.add("award " + award.id() + " (" + award.title().vi() + ") proposed: "
                                + allowed + " allowed "
                                + where(award.effectiveScope())
                                + (tie
                                        ? "; tied across the limit with " + (tied.size() - 1)
                                                + " other(s), for the council to decide"
                                        : ""));
                    }
                    proposed += tied.size();
                }
            }
        }
    }

    private static String where(Scope scope) {
        return switch (scope) {
            case BLOC -> "in the bloc";
            case ALL -> "overall";
            case PROVINCE -> "in the province";
        };
    }

    private static String describe(Quota quota, List<BranchScore> scope) {
        String where = quota.scope() == Scope.BLOC ? "per bloc" : "overall";
        return quota.maxCount()
                .map(c -> "at most " + c + " " + where)
                .orElseGet(() -> "floor(" + Decimals.plain(quota.maxShare().orElseThrow()) + " × " + scope.size() + ") "
                        + where);
    }

    /**
     * @param ordered the branches the run scored
     * @param province those and the units' kept results
     */
    private static List<List<BranchScore>> scopes(
            Scope scope, List<BranchScore> ordered, List<BranchScore> province, Map<String, List<BranchScore>> blocs) {
        return switch (scope) {
            case BLOC -> new ArrayList<>(blocs.values());
            case ALL -> List.of(ordered);
            case PROVINCE -> List.of(province);
        };
    }

    /** Splits a list already sorted by {@code keys} into runs of equal keys. */
    private static List<List<BranchScore>> tieGroups(List<BranchScore> sorted, Comparator<BranchScore> keys) {
        List<List<BranchScore>> groups = new ArrayList<>();
        for (BranchScore s : sorted) {
            List<BranchScore> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && keys.compare(last.get(0), s) == 0) {
                last.add(s);
            } else {
                List<BranchScore> group = new ArrayList<>();
                group.add(s);
                groups.add(group);
            }
        }
        return groups;
    }

    private static String code(BranchScore s) {
        return s.branch().code();
    }

    /** Mutable per-branch state while quotas and awards are applied; frozen into a {@link BranchResult}. */
    private static final class Working {
        final BranchScore score;
        final List<String> why;
        final List<String> awards = new ArrayList<>();
        final String unit;
        int tier;
        int rankAll;
        int rankBloc;
        boolean demoted;
        boolean awardTie;

        Working(BranchScore score) {
            this.score = score;
            this.tier = score.tierAfterCaps();
            this.why = new ArrayList<>(score.explanation());
            this.unit = "";
        }

        Working(BranchResult kept) {
            this.score = kept.score();
            this.tier = kept.tier();
            this.demoted = kept.demotedByQuota();
            this.rankBloc = kept.rankBloc();
            this.why = new ArrayList<>(kept.explanation());
            this.unit = kept.unit();
        }

        BranchResult result() {
            return new BranchResult(score, tier, demoted, rankBloc, rankAll, awards, awardTie, why, unit);
        }
    }
}
