package vn.unionreview.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.unionreview.Fixtures.uniform2025;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.rules.Condition;
import vn.unionreview.rules.Op;
import vn.unionreview.rules.Subject;

/**
 * Every shape a rule file can write is evaluated. Java 17 has no exhaustive switch over the sealed {@link Condition},
 * so the evaluator refuses a shape it does not know; this test holds one example of each permitted shape with its
 * expected outcome, and fails as soon as a shape is added to {@code Condition} without one.
 */
class ConditionEvaluatorTest {

    /** A branch at 9 of 10 on every criterion: total 90, every group at 90 %, no criterion at zero. */
    private final Predicate<Condition> holds =
            new BranchScorer(Fixtures.rules2025()).conditionsOf(uniform2025("X", "9", ""));

    private static final Condition TOTAL_AT_LEAST_90 =
            new Condition.Compare(Subject.TOTAL, "total", Op.GE, new BigDecimal("90"));
    private static final Condition TOTAL_ABOVE_95 =
            new Condition.Compare(Subject.TOTAL, "total", Op.GT, new BigDecimal("95"));

    @Test
    void everyShapeOfConditionIsEvaluated() {
        Map<Class<?>, Map<Condition, Boolean>> examples = new LinkedHashMap<>();
        examples.put(Condition.Compare.class, Map.of(TOTAL_AT_LEAST_90, true, TOTAL_ABOVE_95, false));
        examples.put(
                Condition.EachGroupShare.class,
                Map.of(
                        new Condition.EachGroupShare(Op.GE, new BigDecimal("0.9")),
                        true,
                        new Condition.EachGroupShare(Op.GT, new BigDecimal("0.9")),
                        false));
        examples.put(
                Condition.AnyCriterionZero.class,
                Map.of(new Condition.AnyCriterionZero(false), true, new Condition.AnyCriterionZero(true), false));
        examples.put(
                Condition.All.class,
                Map.of(
                        new Condition.All(List.of(TOTAL_AT_LEAST_90, TOTAL_ABOVE_95)),
                        false,
                        new Condition.All(List.of(TOTAL_AT_LEAST_90)),
                        true));
        examples.put(
                Condition.Any.class,
                Map.of(
                        new Condition.Any(List.of(TOTAL_AT_LEAST_90, TOTAL_ABOVE_95)),
                        true,
                        new Condition.Any(List.of(TOTAL_ABOVE_95)),
                        false));
        examples.put(
                Condition.Not.class,
                Map.of(new Condition.Not(TOTAL_ABOVE_95), true, new Condition.Not(TOTAL_AT_LEAST_90), false));

        assertThat(examples.keySet())
                .as("an example for every shape Condition permits")
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Condition.class.getPermittedSubclasses()));
        examples.forEach((shape, cases) -> cases.forEach((condition, expected) ->
                assertThat(holds.test(condition)).as(condition.toString()).isEqualTo(expected)));
    }
}
