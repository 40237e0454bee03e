package vn.unionreview.batch;

import java.util.Map;

/** A run's numbers: registry size, rows read = accepted + rejected, branches not submitted, tier counts. */
public record RunCounts(int registryBranches, int rowsRead, int rowsAccepted, int rowsRejected,
                        int notSubmitted, Map<String, Integer> tierCounts) {

    public RunCounts {
        tierCounts = Map.copyOf(tierCounts);
    }

    /** The two summary lines printed after a run and written to summary.txt, tiers in the rule set's order. */
    public java.util.List<String> describe(vn.unionreview.rules.RuleSet rules) {
        StringBuilder tiers = new StringBuilder("Tiers:");
        rules.tiers().forEach(t -> tiers.append(' ').append(t.id()).append(' ').append(tierCounts.getOrDefault(t.id(), 0)).append(','));
        tiers.setLength(tiers.length() - 1);
        return java.util.List.of(String.format("Registry: %d branches. Rows read: %d, accepted: %d, rejected: %d. Not submitted: %d.",
                registryBranches, rowsRead, rowsAccepted, rowsRejected, notSubmitted), tiers.toString());
    }
}
