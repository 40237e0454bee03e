package vn.unionreview.rules;

import java.math.BigDecimal;

import vn.unionreview.text.Text;

/** One scored criterion (tiêu chí). {@code groupId} is the group's id, or "bonus" / "penalty". */
public record Criterion(String id, Text title, BigDecimal max, CriterionKind kind, String groupId) {}
