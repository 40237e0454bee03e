package vn.unionreview.scoring;

import java.math.BigDecimal;

/** A declared fact's value: yes/no, or a number (whole or decimal). */
public sealed interface FactValue {

    record YesNo(boolean value) implements FactValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    record Amount(BigDecimal value) implements FactValue {
        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    static FactValue of(boolean value) {
        return new YesNo(value);
    }

    static FactValue of(BigDecimal value) {
        return new Amount(value);
    }
}
