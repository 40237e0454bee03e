package vn.unionreview.rules;

/** A value derived from two numeric facts: numerator / denominator; undefined when the denominator is 0 or missing. */
public record Derived(String id, String numerator, String denominator) {}
