package vn.unionreview.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import vn.unionreview.rules.Condition;
import vn.unionreview.rules.CriterionKind;
import vn.unionreview.rules.RuleSet;

/**
 * Evaluates rule-file conditions against a branch's {@link ScoreSheet}. A comparison on a value that is undefined (a
 * ratio over zero, a fact not declared) is false, and {@code notes} says why.
 */
final class ConditionEvaluator {

    private final RuleSet rules;

    ConditionEvaluator(RuleSet rules) {
        this.rules = rules;
    }

    boolean test(Condition condition, ScoreSheet sheet, List<String> notes) {
        if (condition instanceof Condition.All all) {
            return all.conditions().stream().allMatch(c -> test(c, sheet, notes));
        }
        if (condition instanceof Condition.Any any) {
            return any.conditions().stream().anyMatch(c -> test(c, sheet, notes));
        }
        if (condition instanceof Condition.Not not) {
            return !test(not.condition(), sheet, notes);
        }
        if (condition instanceof Condition.AnyCriterionZero zero) {
            return anyCriterionZero(sheet) == zero.expected();
        }
        if (condition instanceof Condition.EachGroupShare share) {
            return sheet.groupTotals().entrySet().stream().allMatch(g -> {
                BigDecimal ratio = g.getValue().divide(sheet.groupMaxima().get(g.getKey()), MathContext.DECIMAL128);
                return share.op().test(ratio.compareTo(share.value()));
            });
        }
        if (condition instanceof Condition.Compare compare) {
            return compare(compare, sheet, notes);
        }
        // Java 17 has no exhaustive switch over a sealed type: a shape added to Condition is refused here, and
        // ConditionEvaluatorTest evaluates every permitted shape, so the refusal is met in the build, not in a run
        throw new IllegalStateException(
                "no evaluation for the condition shape " + condition.getClass().getSimpleName());
    }

    private boolean anyCriterionZero(ScoreSheet sheet) {
        return rules.criteria().stream()
                .filter(c -> c.kind() == CriterionKind.GROUP)
                .anyMatch(c -> sheet.counted().get(c.id()).signum() == 0);
    }

    private boolean compare(Condition.Compare compare, ScoreSheet sheet, List<String> notes) {
        if (compare.value() instanceof Boolean expected) {
            FactValue fact = sheet.facts().get(compare.id());
            boolean actual = fact instanceof FactValue.YesNo yesNo && yesNo.value();
            return compare.op().test(Boolean.compare(actual, expected));
        }
        BigDecimal actual = switch (compare.subject()) {
            case TOTAL -> sheet.total();
            case CRITERION -> sheet.counted().get(compare.id());
            case GROUP -> sheet.groupTotals().get(compare.id());
            case DERIVED -> sheet.derived().get(compare.id()).orElse(null);
            case FACT -> sheet.facts().get(compare.id()) instanceof FactValue.Amount amount ? amount.value() : null;
        };
        if (actual == null) {
            notes.add(undefinedNote(compare, sheet.undefinedReasons()));
            return false;
        }
        return compare.op().test(actual.compareTo((BigDecimal) compare.value()));
    }

    private static String undefinedNote(Condition.Compare compare, Map<String, String> reasons) {
        String why = reasons.getOrDefault(compare.id(), compare.id() + " was not declared");
        return compare.subject().key() + " " + compare.id() + " is undefined (" + why + "): condition "
                + compare.op().key() + " " + compare.value() + " taken as false";
    }
}
