package vn.unionreview.result;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.unionreview.VietnameseText;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Message;

/**
 * A run's numbers: registry size; submissions read = accepted + rejected (a table row or a form each); branches not
 * submitted; tier counts; files read by kind and files that could not be read; input cells read = cells of accepted
 * submissions + cells of rejected ones; branches not rated in the year (too new) and dissolved (out of the year), which
 * are neither scored nor "not submitted". In a year ruled by kind, a tier is counted by kind ({@link #tierKey}), and
 * the blocs whose scored branches are of more than one kind are named.
 */
public record RunCounts(
        int registryBranches,
        int rowsRead,
        int rowsAccepted,
        int rowsRejected,
        int notSubmitted,
        int submittedUnreadable,
        Map<String, Integer> tierCounts,
        int tableFiles,
        int formFiles,
        int unreadableFiles,
        int cellsRead,
        int cellsAccepted,
        int cellsRejected,
        int notRated,
        int dissolved,
        List<String> mixedBlocs) {

    public RunCounts {
        tierCounts = Map.copyOf(tierCounts);
        mixedBlocs = List.copyOf(mixedBlocs);
    }

    /** What a tier is counted under: its id, or in a year ruled by kind {@code <kind>/<tier>}. */
    public static String tierKey(String kind, String tier) {
        return kind.isEmpty() ? tier : kind + "/" + tier;
    }

    /** No numbers yet: a run before its first step kept any. */
    public static final RunCounts NONE = builder().build();

    /** Numbers built by name; each one not given is 0, the tiers none. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same numbers with these tier counts. */
    public RunCounts withTiers(Map<String, Integer> tiers) {
        return toBuilder().tiers(tiers).build();
    }

    /** The same numbers with the branches that sent nothing valid told apart: those whose form could not be read. */
    public RunCounts withUnreadableOf(Collection<NotSubmitted> withoutValidData) {
        int unreadable =
                (int) withoutValidData.stream().filter(NotSubmitted::unreadable).count();
        return toBuilder()
                .notSubmitted(withoutValidData.size() - unreadable, unreadable)
                .build();
    }

    /** The same numbers with this many branches whose form arrived and could not be read. */
    public RunCounts withSubmittedUnreadable(int branches) {
        return toBuilder().notSubmitted(notSubmitted, branches).build();
    }

    /** The same numbers with these blocs named as mixing kinds. */
    public RunCounts withMixedBlocs(List<String> blocs) {
        return toBuilder().mixedBlocs(blocs).build();
    }

    private Builder toBuilder() {
        return builder()
                .registryBranches(registryBranches)
                .rows(rowsAccepted, rowsRejected)
                .notSubmitted(notSubmitted, submittedUnreadable)
                .tiers(tierCounts)
                .files(tableFiles, formFiles, unreadableFiles)
                .cells(cellsAccepted, cellsRejected)
                .outOfRating(notRated, dissolved)
                .mixedBlocs(mixedBlocs);
    }

    /**
     * A {@link RunCounts} by name. Submissions and cells are given as accepted and rejected: what was read is their
     * sum, as nothing read is lost.
     */
    public static final class Builder {
        private int registryBranches;
        private int rowsAccepted;
        private int rowsRejected;
        private int notSubmitted;
        private int submittedUnreadable;
        private Map<String, Integer> tierCounts = Map.of();
        private int tableFiles;
        private int formFiles;
        private int unreadableFiles;
        private int cellsAccepted;
        private int cellsRejected;
        private int notRated;
        private int dissolved;
        private List<String> mixedBlocs = List.of();

        private Builder() {}

        public Builder registryBranches(int branches) {
            this.registryBranches = branches;
            return this;
        }

        /** Submissions (table rows and forms) accepted and rejected. */
        public Builder rows(int accepted, int rejected) {
            this.rowsAccepted = accepted;
            this.rowsRejected = rejected;
            return this;
        }

        /**
         * Registry branches with no accepted submission: {@code nothing} sent nothing that could be read (or only rows
         * that were rejected), {@code unreadable} sent a file that could not be read, and nothing else.
         */
        public Builder notSubmitted(int nothing, int unreadable) {
            this.notSubmitted = nothing;
            this.submittedUnreadable = unreadable;
            return this;
        }

        /** How many results each tier has, by tier id. */
        public Builder tiers(Map<String, Integer> counts) {
            this.tierCounts = counts;
            return this;
        }

        /** Files read as consolidated tables, read as branch forms, and not readable. */
        public Builder files(int tables, int forms, int unreadable) {
            this.tableFiles = tables;
            this.formFiles = forms;
            this.unreadableFiles = unreadable;
            return this;
        }

        /** Input cells of accepted and of rejected submissions. */
        public Builder cells(int accepted, int rejected) {
            this.cellsAccepted = accepted;
            this.cellsRejected = rejected;
            return this;
        }

        /** Registry branches too new to be rated, and dissolved ones, out of the year. */
        public Builder outOfRating(int notRated, int dissolved) {
            this.notRated = notRated;
            this.dissolved = dissolved;
            return this;
        }

        /** Blocs whose scored branches are of more than one kind. */
        public Builder mixedBlocs(List<String> blocs) {
            this.mixedBlocs = blocs;
            return this;
        }

        public RunCounts build() {
            return new RunCounts(
                    registryBranches,
                    rowsAccepted + rowsRejected,
                    rowsAccepted,
                    rowsRejected,
                    notSubmitted,
                    submittedUnreadable,
                    tierCounts,
                    tableFiles,
                    formFiles,
                    unreadableFiles,
                    cellsAccepted + cellsRejected,
                    cellsAccepted,
                    cellsRejected,
                    notRated,
                    dissolved,
                    mixedBlocs);
        }
    }

    /** The same numbers with the tiers of these results, and the blocs where their kinds mix. */
    public RunCounts withTiersOf(Collection<ResultRow> results) {
        Map<String, Integer> tiers = new HashMap<>();
        Map<String, Set<String>> kindsOfBloc = new TreeMap<>(VietnameseText.order());
        results.forEach(r -> {
            tiers.merge(tierKey(r.kind(), r.tier()), 1, Integer::sum);
            kindsOfBloc.computeIfAbsent(r.bloc(), b -> new HashSet<>()).add(r.kind());
        });
        List<String> mixed = kindsOfBloc.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
        return toBuilder().tiers(tiers).mixedBlocs(mixed).build();
    }

    /**
     * The summary lines said after a run and written to summary.txt, tiers by name in the rule set's order; in a year
     * ruled by kind, a line of tiers per kind under its title, and the blocs that mix kinds.
     */
    public List<Message> describe(RuleBook rules) {
        List<Message> lines = new ArrayList<>(List.of(
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
                        notSubmitted,
                        "unreadable",
                        submittedUnreadable),
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
                tiers(rules.first())));
        if (rules.byKind()) {
            lines.remove(lines.size() - 1);
            rules.sets()
                    .forEach(kind -> lines.add(
                            Message.of("summary.kind", "kind", kind.kind().title(), "tiers", tiers(kind))));
        }
        if (!mixedBlocs.isEmpty()) {
            lines.add(Message.of("summary.mixed_blocs", "blocs", String.join(", ", mixedBlocs)));
        }
        if (notRated + dissolved > 0) {
            // only a year whose rule set says who is rated has these: the summary of earlier years stays as it was
            lines.add(1, Message.of("summary.out_of_rating", "not_rated", notRated, "dissolved", dissolved));
        }
        return lines;
    }

    private Message tiers(RuleSet rules) {
        String kind = rules.kindId();
        return Message.of(
                "summary.tiers",
                "tiers",
                rules.tiers().stream()
                        .map(t -> Message.of(
                                "summary.tier",
                                "tier",
                                t.title(),
                                "count",
                                tierCounts.getOrDefault(tierKey(kind, t.id()), 0)))
                        .toList());
    }
}
