package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.List;

/** Bonus or penalty points: the criteria's sum counts up to {@code max}. */
public record Adjustment(BigDecimal max, List<Criterion> criteria) {

    public Adjustment {
        criteria = List.copyOf(criteria);
    }

    public static Adjustment none() {
        return new Adjustment(BigDecimal.ZERO, List.of());
    }
}
