package vn.unionreview.stats;

import java.util.List;

/** One emulation bloc: branches scored, tier counts (rule-set order), mean total, inflation, members. */
public record BlocSummary(
        String bloc,
        int branches,
        List<TierCount> tiers,
        double meanTotal,
        double totalInflation,
        double meanInflation,
        long members) {}
