package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.List;

/** A condition from a rule file. Only these shapes exist: a rule file can never run code. */
public sealed interface Condition {

    /** {@code {fact|criterion|group|derived|total: ID, OP: value}}; value is a BigDecimal or a Boolean. */
    record Compare(Subject subject, String id, Op op, Object value) implements Condition {}

    /** {@code {each_group_share: {OP: value}}}: every group's points / its maximum satisfies the comparison. */
    record EachGroupShare(Op op, BigDecimal value) implements Condition {}

    /** {@code {any_criterion_zero: true|false}}: whether some group criterion counted 0. */
    record AnyCriterionZero(boolean expected) implements Condition {}

    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition) implements Condition {}
}
