package vn.unionreview.batch;

import java.util.Map;

/** A run's numbers: registry size, rows read = accepted + rejected, branches not submitted, tier counts. */
public record RunCounts(int registryBranches, int rowsRead, int rowsAccepted, int rowsRejected,
                        int notSubmitted, Map<String, Integer> tierCounts) {

    public RunCounts {
        tierCounts = Map.copyOf(tierCounts);
    }
}
