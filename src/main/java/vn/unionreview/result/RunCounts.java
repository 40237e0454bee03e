package vn.unionreview.result;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Message;

/**
 * A run's numbers: registry size; submissions read = accepted + rejected (a table row or a form each); branches not
 * submitted; tier counts; files read by kind and files that could not be read; input cells read = cells of accepted
 * submissions + cells of rejected ones.
 */
public record RunCounts(
        int registryBranches,
        int rowsRead,
        int rowsAccepted,
        int rowsRejected,
        int notSubmitted,
        Map<String, Integer> tierCounts,
        int tableFiles,
        int formFiles,
        int unreadableFiles,
        int cellsRead,
        int cellsAccepted,
        int cellsRejected) {

    public RunCounts {
        tierCounts = Map.copyOf(tierCounts);
    }

    /** The same numbers with these tier counts. */
    public RunCounts withTiers(Map<String, Integer> tiers) {
        return new RunCounts(
                registryBranches,
                rowsRead,
                rowsAccepted,
                rowsRejected,
                notSubmitted,
                tiers,
                tableFiles,
                formFiles,
                unreadableFiles,
                cellsRead,
                cellsAccepted,
                cellsRejected);
    }

    /** The same numbers with the tiers of these results. */
    public RunCounts withTiersOf(Collection<ResultRow> results) {
        Map<String, Integer> tiers = new HashMap<>();
        results.forEach(r -> tiers.merge(r.tier(), 1, Integer::sum));
        return withTiers(tiers);
    }

    /** The summary lines said after a run and written to summary.txt, tiers by name in the rule set's order. */
    public List<Message> describe(RuleSet rules) {
        return List.of(
                Message.of(
                        "summary.submissions",
                        "branches",
                        registryBranches,
                        "read",
                        rowsRead,
                        "accepted",
                        rowsAccepted,
                        "rejected",
                        rowsRejected,
                        "not_submitted",
                        notSubmitted),
                Message.of(
                        "summary.files",
                        "tables",
                        tableFiles,
                        "forms",
                        formFiles,
                        "unreadable",
                        unreadableFiles,
                        "cells",
                        cellsRead,
                        "cells_accepted",
                        cellsAccepted,
                        "cells_rejected",
                        cellsRejected),
                Message.of(
                        "summary.tiers",
                        "tiers",
                        rules.tiers().stream()
                                .map(t -> Message.of(
                                        "summary.tier", "tier", t.title(), "count", tierCounts.getOrDefault(t.id(), 0)))
                                .toList()));
    }
}
