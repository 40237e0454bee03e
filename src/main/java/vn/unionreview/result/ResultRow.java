package vn.unionreview.result;

import java.math.BigDecimal;

import vn.unionreview.rules.RuleSet;

/**
 * A stored result as exported: one line of results.csv. {@code decision} is the number of the council meeting whose
 * decision changed it, or "". {@code kind} is the id of the kind whose rule set scored it, "" in a year with one rule
 * set. {@code unit} is the code of the union beneath a province whose published result it is, "" for a branch the run
 * rated itself. The step-by-step explanation stays in the run tables (ur_result.explanation): no output prints it, and
 * at national size it would be most of the heap.
 */
public record ResultRow(
        String code,
        String name,
        String bloc,
        BigDecimal base,
        BigDecimal bonus,
        BigDecimal penalty,
        BigDecimal total,
        String tierBeforeCaps,
        String tier,
        boolean demoted,
        int rankBloc,
        int rankAll,
        String award,
        boolean awardTie,
        BigDecimal inflation,
        String caps,
        String decision,
        String kind,
        String unit) {

    /** Whether the branch's result came from a unit's bundle rather than from the run's own scoring. */
    public boolean fromUnit() {
        return !unit.isEmpty();
    }

    /** The tier after the caps and before a quota moved it down: its place in {@code rules}' tiers, 0 the highest. */
    public int tierAfterCaps(RuleSet rules) {
        return rules.tierIndex(tier) - (demoted ? 1 : 0);
    }

    /** Whether the caps left it in a lower tier than its total earned. */
    public boolean loweredByCaps(RuleSet rules) {
        return tierAfterCaps(rules) > rules.tierIndex(tierBeforeCaps);
    }
}
