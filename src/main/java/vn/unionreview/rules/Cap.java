package vn.unionreview.rules;

import vn.unionreview.text.Text;

/** A veto / cap condition (điều kiện hạ loại): when it holds, the tier is no better than {@code maxTier}. */
public record Cap(String id, Condition when, String maxTier, Text reason) {}
