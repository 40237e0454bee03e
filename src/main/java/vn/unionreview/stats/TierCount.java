package vn.unionreview.stats;

/** How many branches hold a tier, and their share of the branches counted. */
public record TierCount(String tier, int count, double share) {}
