package vn.unionreview.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** At most {@code maxCount}, or floor({@code maxShare} × scope size), branches may hold {@code tier}. */
public record Quota(String tier, Scope scope, Optional<BigDecimal> maxShare, Optional<Integer> maxCount) {

    public int allowed(int scopeSize) {
        return maxCount.orElseGet(() -> floorShare(maxShare.orElseThrow(), scopeSize));
    }

    static int floorShare(BigDecimal share, int size) {
        return share.multiply(BigDecimal.valueOf(size))
                .setScale(0, RoundingMode.FLOOR)
                .intValueExact();
    }
}
