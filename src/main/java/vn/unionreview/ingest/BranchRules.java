package vn.unionreview.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;

/**
 * Which rule set reads a branch's submission: the year's only one, or in a year ruled by kind the rule set of the kind
 * the registry gives the branch.
 */
public final class BranchRules {

    private final List<RuleSet> sets;
    private final Map<String, String> kindOf;

    private BranchRules(List<RuleSet> sets, Map<String, String> kindOf) {
        this.sets = List.copyOf(sets);
        this.kindOf = Map.copyOf(kindOf);
    }

    /** Every submission read with one rule set. */
    public static BranchRules of(RuleSet rules) {
        return new BranchRules(List.of(rules), Map.of());
    }

    /** @param kindOf the registry's branches, code → kind id */
    public static BranchRules of(RuleBook rules, Map<String, String> kindOf) {
        return new BranchRules(rules.sets(), kindOf);
    }

    /** The rule set that reads this branch's submission, or null when in a year ruled by kind it has none. */
    public RuleSet of(String code) {
        return RuleSet.ofKind(sets, kindOf.get(code)).orElse(null);
    }

    /** The kind the registry gives a branch ("" when none). */
    public String kindOf(String code) {
        return kindOf.getOrDefault(code, "");
    }

    public List<RuleSet> sets() {
        return sets;
    }

    /** The criteria of every kind, each id once (the first kind's where two share one), in kind then file order. */
    public List<Criterion> criteria() {
        Map<String, Criterion> byId = new LinkedHashMap<>();
        sets.forEach(r -> r.criteria().forEach(c -> byId.putIfAbsent(c.id(), c)));
        return new ArrayList<>(byId.values());
    }

    /** The facts of every kind, each id once. */
    public List<Fact> facts() {
        Map<String, Fact> byId = new LinkedHashMap<>();
        sets.forEach(r -> r.facts().forEach(f -> byId.putIfAbsent(f.id(), f)));
        return new ArrayList<>(byId.values());
    }
}
