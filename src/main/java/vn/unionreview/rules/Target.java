package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.Optional;

import vn.unionreview.text.Text;

/**
 * A target of the year a leader reads as met or missed: the share of rated branches whose final tier is {@code tier} or
 * better must be at least {@code minShare}, or at most {@code maxShare} (exactly one of them), counted per unit and
 * over the province.
 */
public record Target(String id, Text title, String tier, Optional<BigDecimal> minShare, Optional<BigDecimal> maxShare) {

    /** Whether {@code share} (0–1) meets the target. */
    public boolean metBy(BigDecimal share) {
        return minShare.map(min -> share.compareTo(min) >= 0)
                .orElseGet(() -> share.compareTo(maxShare.orElseThrow()) <= 0);
    }

    /** The share the target names: its minimum or its maximum. */
    public BigDecimal share() {
        return minShare.orElseGet(maxShare::orElseThrow);
    }
}
