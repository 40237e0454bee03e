package vn.unionreview.stats;

import java.util.List;
import java.util.Optional;

/** Every figure the reports show beyond the per-branch results. */
public record YearStatistics(
        int branches,
        List<TierCount> tiers,
        List<BlocSummary> blocs,
        List<Describe> groups,
        List<Describe> criteria,
        long membersUnion,
        long membersTotal,
        int verifiedBranches,
        List<InflationEntry> largestInflation,
        List<SelfVerifiedPoint> selfVsVerified,
        int cappedBranches,
        int demotedBranches,
        Optional<YearOverYear> yearOverYear) {}
