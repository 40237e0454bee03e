package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import vn.unionreview.text.Text;

/**
 * One year's classification rules, validated. Built by {@link RuleSetLoader}.
 *
 * @param tierFirst {@code ranking.tier_first}: the reported ranks, and the order awards follow, put the final tier
 *     first (rules contract, step 6b)
 * @param eligibility {@code eligibility}: who may be rated in the year; null when the rule set does not say, and every
 *     branch of the registry is rated
 * @param kind {@code kind}: the kind of branch the rule set scores, in a year's folder of kinds; null in a year with
 *     one rule set for every branch
 */
public record RuleSet(
        int year,
        Text title,
        Text issuer,
        BigDecimal step,
        List<Group> groups,
        Adjustment bonus,
        Adjustment penalty,
        List<Fact> facts,
        List<Derived> derived,
        List<Tier> tiers,
        List<Cap> caps,
        List<Quota> quotas,
        List<TieBreak> tieBreaks,
        List<Award> awards,
        boolean tierFirst,
        Eligibility eligibility,
        Kind kind,
        List<Target> targets) {

    public static final String FORMAT = "union-review/rules/v1";

    public RuleSet {
        groups = List.copyOf(groups);
        facts = List.copyOf(facts);
        derived = List.copyOf(derived);
        tiers = List.copyOf(tiers);
        caps = List.copyOf(caps);
        quotas = List.copyOf(quotas);
        tieBreaks = List.copyOf(tieBreaks);
        awards = List.copyOf(awards);
        targets = List.copyOf(targets);
    }

    /** Every criterion in file order: group criteria, then bonus, then penalty. */
    public List<Criterion> criteria() {
        return Stream.of(
                        groups.stream().flatMap(g -> g.criteria().stream()),
                        bonus.criteria().stream(),
                        penalty.criteria().stream())
                .flatMap(s -> s)
                .toList();
    }

    public Map<String, Criterion> criteriaById() {
        Map<String, Criterion> byId = new LinkedHashMap<>();
        criteria().forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    public Optional<Fact> fact(String id) {
        return facts.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public int tierIndex(String tierId) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).id().equals(tierId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no tier " + tierId);
    }

    /** The id of the kind it scores, "" for a year's only rule set: what a result's {@code kind} holds. */
    public String kindId() {
        return kind == null ? "" : kind.id();
    }

    /**
     * Of a year's rule sets, the one that scores a branch of {@code kind}: the year's only one when it has no kinds,
     * else that kind's, or empty when there is none for it.
     */
    public static Optional<RuleSet> ofKind(List<RuleSet> sets, String kind) {
        if (sets.get(0).kind() == null) {
            return Optional.of(sets.get(0));
        }
        return sets.stream().filter(r -> r.kindId().equals(kind)).findFirst();
    }

    public BigDecimal baseMax() {
        return groups.stream().map(Group::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
