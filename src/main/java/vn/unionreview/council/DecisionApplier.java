package vn.unionreview.council;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import vn.unionreview.ranking.BranchResult;
import vn.unionreview.rules.Award;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Scope;
import vn.unionreview.text.Message;

/**
 * Applies the council's decisions after step 7 of the rules contract, in file order, each recorded in the branch's
 * explanation: an award withdrawn or granted (a grant only within the award's limit, at its minimum tier, and not
 * beside an award that excludes it), or the final tier set (which withdraws any award the new tier is below, saying
 * so). Ranks are not recomputed. A decision that does not fit the data (a branch not scored, an award the branch does
 * not hold, a grant over the limit) is not applied, and says why. Afterwards a branch's tie flag stays only where more
 * branches still hold one of its awards than the award allows: withdrawing an award from one of a tied group is how the
 * council settles the tie.
 */
public final class DecisionApplier {

    /** What became of one decision. */
    public record Outcome(CouncilDecisions.Decision decision, boolean applied, Message note) {}

    /** The results after the decisions, what became of each, and which branches a decision changed. */
    public record Applied(List<BranchResult> results, List<Outcome> outcomes, Set<String> decided) {}

    private final RuleSet rules;

    public DecisionApplier(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * @param registry the codes of the year's registry: a decision for a branch that was not scored says whether the
     *     branch is unknown or only sent nothing that could be accepted
     */
    public Applied apply(CouncilDecisions council, List<BranchResult> results, Set<String> registry) {
        return apply(council, results, registry, Set.of());
    }

    /**
     * @param registry the codes of the year's registry: a decision for a branch that was not scored says whether the
     *     branch is unknown or only sent nothing that could be accepted
     * @param notRated the registry branches the year does not rate (too new, dissolved, of no kind with rules): a
     *     decision for one says so
     */
    public Applied apply(
            CouncilDecisions council, List<BranchResult> results, Set<String> registry, Set<String> notRated) {
        Map<String, Working> work = new LinkedHashMap<>();
        results.forEach(r -> work.put(r.branch().code(), new Working(r)));
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> decided = new TreeSet<>();
        String meeting = "council decision (meeting " + council.meetingNumber() + ")";
        for (CouncilDecisions.Decision decision : council.decisions()) {
            Working w = work.get(decision.branch());
            Message refusal = w == null
                    ? Message.of(
                            notRated.contains(decision.branch())
                                    ? "council.not_rated"
                                    : registry.contains(decision.branch())
                                            ? "council.not_scored"
                                            : "council.not_in_registry",
                            "branch",
                            decision.branch())
                    : refusal(decision, w, work.values());
            if (refusal != null) {
                outcomes.add(new Outcome(decision, false, Message.of("council.not_applied", "why", refusal)));
                continue;
            }
            List<Message> done = new ArrayList<>();
            if (decision instanceof CouncilDecisions.WithdrawAward d) {
                w.awards.remove(d.award());
                done.add(Message.of("council.withdrawn", "award", d.award()));
            } else if (decision instanceof CouncilDecisions.GrantAward d) {
                w.awards.add(d.award());
                w.awards.sort(Comparator.comparingInt(this::awardIndex));
                done.add(Message.of("council.granted", "award", d.award()));
            } else if (decision instanceof CouncilDecisions.SetTier d) {
                w.tier = rules.tierIndex(d.tier());
                done.add(Message.of("council.tier_set", "tier", d.tier()));
                for (Award award : rules.awards()) {
                    if (w.awards.contains(award.id()) && w.tier > rules.tierIndex(award.minTier())) {
                        w.awards.remove(award.id());
                        done.add(Message.of(
                                "council.withdrawn_below_minimum",
                                "award",
                                award.id(),
                                "tier",
                                d.tier(),
                                "min_tier",
                                award.minTier()));
                    }
                }
            }
            Message note = Message.of("council.applied", "done", done);
            // the branch's explanation is the audit trail of its result, in English like the rest of it
            w.explanation.add(meeting + ": " + note.english() + " (" + decision.reason() + ")");
            outcomes.add(new Outcome(decision, true, note));
            decided.add(decision.branch());
        }
        // counted once for every scope (a branch's tie flag is whether more still hold one of its awards than it
        // allows):
        // at national size, counting per branch would read every branch for each
        Map<String, Integer> scopeSizes = new HashMap<>();
        Map<String, Integer> holders = new HashMap<>();
        for (Working w : work.values()) {
            for (Scope scope : Scope.values()) {
                String key = scopeKey(scope, w);
                if (key != null) {
                    scopeSizes.merge(key, 1, Integer::sum);
                }
            }
            for (String a : w.awards) {
                holders.merge(a + "\n" + scopeKey(award(a).effectiveScope(), w), 1, Integer::sum);
            }
        }
        List<BranchResult> out = new ArrayList<>();
        for (Working w : work.values()) {
            boolean tie = w.awards.stream().anyMatch(a -> {
                String key = scopeKey(award(a).effectiveScope(), w);
                return holders.get(a + "\n" + key) > award(a).allowed(scopeSizes.get(key));
            });
            BranchResult r = w.result;
            out.add(new BranchResult(
                    r.score(),
                    w.tier,
                    r.demotedByQuota(),
                    r.rankBloc(),
                    r.rankAll(),
                    w.awards,
                    tie,
                    w.explanation,
                    r.unit()));
        }
        return new Applied(out, outcomes, decided);
    }

    /** Why a decision does not fit the branch's result, or null when it can be applied. */
    private Message refusal(CouncilDecisions.Decision decision, Working w, Iterable<Working> all) {
        if (decision instanceof CouncilDecisions.WithdrawAward d) {
            return w.awards.contains(d.award())
                    ? null
                    : Message.of("council.not_held", "branch", d.branch(), "award", d.award());
        }
        return decision instanceof CouncilDecisions.GrantAward d ? grantRefusal(d, w, all) : null;
    }

    private Message grantRefusal(CouncilDecisions.GrantAward d, Working w, Iterable<Working> all) {
        Award award = award(d.award());
        if (scopeKey(award.effectiveScope(), w) == null) {
            // a unit's branch competes with the province's own only for what is counted over the province
            return Message.of("council.award_not_for_unit", "branch", d.branch(), "award", award.id());
        }
        if (w.awards.contains(award.id())) {
            return Message.of("council.already_held", "branch", d.branch(), "award", award.id());
        }
        if (w.tier > rules.tierIndex(award.minTier())) {
            return Message.of(
                    "council.tier_below_minimum",
                    "branch",
                    d.branch(),
                    "tier",
                    rules.tiers().get(w.tier).id(),
                    "award",
                    award.id(),
                    "min_tier",
                    award.minTier());
        }
        for (String excluded : award.excludes()) {
            if (w.awards.contains(excluded)) {
                return Message.of(
                        "council.excluded", "branch", d.branch(), "held_award", excluded, "award", award.id());
            }
        }
        int holders = holders(award, w, all);
        int allowed = allowed(award, w, all);
        if (holders + 1 > allowed) {
            return Message.of(
                    "council.over_limit",
                    "award",
                    award.id(),
                    "allowed",
                    allowed,
                    "scope",
                    award.effectiveScope().name().toLowerCase(Locale.ROOT),
                    "holders",
                    holders);
        }
        return null;
    }

    /** Branches holding {@code award} in {@code w}'s scope for it. */
    private static int holders(Award award, Working w, Iterable<Working> all) {
        int n = 0;
        for (Working o : all) {
            if (inScope(award, w, o) && o.awards.contains(award.id())) {
                n++;
            }
        }
        return n;
    }

    private static int allowed(Award award, Working w, Iterable<Working> all) {
        int size = 0;
        for (Working o : all) {
            size += inScope(award, w, o) ? 1 : 0;
        }
        return award.allowed(size);
    }

    /**
     * The scope of that kind {@code w} is counted in: its bloc, all the branches the run rated, or the whole province;
     * null for a unit's branch outside the province's blocs and the branches it rated itself.
     */
    private static String scopeKey(Scope scope, Working w) {
        if (scope == Scope.PROVINCE) {
            return "province";
        }
        if (w.result.fromUnit()) {
            return null;
        }
        return scope == Scope.ALL ? "all" : "bloc\n" + w.result.branch().bloc();
    }

    private static boolean inScope(Award award, Working w, Working o) {
        String key = scopeKey(award.effectiveScope(), w);
        return key != null && key.equals(scopeKey(award.effectiveScope(), o));
    }

    private Award award(String id) {
        return rules.awards().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private int awardIndex(String id) {
        return rules.awards().indexOf(award(id));
    }

    /** A branch's result while decisions change it. */
    private static final class Working {
        final BranchResult result;
        final List<String> awards;
        final List<String> explanation;
        int tier;

        Working(BranchResult result) {
            this.result = result;
            this.awards = new ArrayList<>(result.awards());
            this.explanation = new ArrayList<>(result.explanation());
            this.tier = result.tier();
        }
    }

    /**
     * The council's message with the rule set's ids replaced by their names, for whoever reads it in whatever language:
     * an argument named like {@code award} or {@code held_award} holds an award's id, one named like {@code tier} or
     * {@code min_tier} a tier's; nested messages and lists likewise. An id the rule set does not hold stays as it is.
     */
    public static Message named(RuleSet rules, Message message) {
        Map<String, Object> args = new LinkedHashMap<>();
        message.args().forEach((name, value) -> args.put(name, named(rules, name, value)));
        return new Message(message.code(), args);
    }

    private static Object named(RuleSet rules, String name, Object value) {
        if (value instanceof Message m) {
            return named(rules, m);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> named(rules, name, item)).toList();
        }
        if (value instanceof String id && name.endsWith("award")) {
            return rules.awards().stream()
                    .filter(a -> a.id().equals(id))
                    .map(a -> (Object) a.title())
                    .findFirst()
                    .orElse(id);
        }
        if (value instanceof String id && name.endsWith("tier")) {
            return rules.tiers().stream()
                    .filter(t -> t.id().equals(id))
                    .map(t -> (Object) t.title())
                    .findFirst()
                    .orElse(id);
        }
        return value;
    }
}
