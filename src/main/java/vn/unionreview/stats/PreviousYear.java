package vn.unionreview.stats;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An earlier year's archived results: per branch code its tier id and total, and where they were read from:
 * {@code name} is "year/run/results.csv" as found under the output folder.
 */
public record PreviousYear(int year, Map<String, Entry> branches, String name, Path file, String sha256) {

    /** How the report and the manifest name it. */
    public String source() {
        return name + " SHA-256 " + sha256;
    }

    public record Entry(String bloc, String tier, double total) {}

    /**
     * A branch's past in this year: its own entry under its code, else those of the branches it continues
     * ({@code predecessors}, in their order: its old code after a move, the branches merged into it, the branch it was
     * split from) that this year knows. Empty for a branch new since.
     */
    public List<Entry> pastOf(String code, List<String> predecessors) {
        Entry own = branches.get(code);
        if (own != null) {
            return List.of(own);
        }
        return predecessors.stream().map(branches::get).filter(Objects::nonNull).toList();
    }
}
