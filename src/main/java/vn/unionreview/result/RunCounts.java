package vn.unionreview.result;

import java.util.List;
import java.util.Map;

import vn.unionreview.rules.RuleSet;

/**
 * A run's numbers: registry size; submissions read = accepted + rejected (a table row or a form
 * each); branches not submitted; tier counts; files read by kind and files that could not be read;
 * input cells read = cells of accepted submissions + cells of rejected ones.
 */
public record RunCounts(int registryBranches, int rowsRead, int rowsAccepted, int rowsRejected,
                        int notSubmitted, Map<String, Integer> tierCounts, int tableFiles, int formFiles,
                        int unreadableFiles, int cellsRead, int cellsAccepted, int cellsRejected) {

    public RunCounts {
        tierCounts = Map.copyOf(tierCounts);
    }

    /** The summary lines printed after a run and written to summary.txt, tiers in the rule set's order. */
    public List<String> describe(RuleSet rules) {
        StringBuilder tiers = new StringBuilder("Tiers:");
        rules.tiers().forEach(t -> tiers.append(' ').append(t.id()).append(' ').append(tierCounts.getOrDefault(t.id(), 0)).append(','));
        tiers.setLength(tiers.length() - 1);
        return List.of(String.format("Registry: %d branches. Rows read: %d, accepted: %d, rejected: %d. Not submitted: %d.",
                        registryBranches, rowsRead, rowsAccepted, rowsRejected, notSubmitted),
                String.format("Files: %d tables and %d forms read, %d not readable. Cells read: %d, accepted: %d, rejected: %d.",
                        tableFiles, formFiles, unreadableFiles, cellsRead, cellsAccepted, cellsRejected),
                tiers.toString());
    }
}
