package vn.unionreview.stats;

import java.nio.file.Path;
import java.util.Map;

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
}
