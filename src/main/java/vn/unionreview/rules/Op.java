package vn.unionreview.rules;

import java.util.Locale;

/** Comparison operators allowed in conditions. */
public enum Op {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Applies this operator to the result of {@code a.compareTo(b)}. */
    public boolean test(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    public static Op fromKey(String key) {
        for (Op op : values()) {
            if (op.key().equals(key)) {
                return op;
            }
        }
        return null;
    }
}
