package vn.unionreview.rules;

import java.math.BigDecimal;
import java.util.Optional;

import vn.unionreview.text.Text;

/** A classification tier (xếp loại). Tiers are listed best first; the last one catches all. */
public record Tier(String id, Text title, Optional<BigDecimal> minTotal, Optional<Condition> require) {}
