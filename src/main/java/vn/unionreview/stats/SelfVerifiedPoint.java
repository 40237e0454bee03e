package vn.unionreview.stats;

import java.math.BigDecimal;

/**
 * A branch's base total as it scored itself and as counted after verification (only branches with a verified score).
 */
public record SelfVerifiedPoint(String code, BigDecimal selfBase, BigDecimal countedBase) {}
