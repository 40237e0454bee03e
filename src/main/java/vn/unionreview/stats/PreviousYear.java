package vn.unionreview.stats;

import java.util.Map;

/** An earlier year's archived results: per branch code its tier id and total, and where they were read from. */
public record PreviousYear(int year, Map<String, Entry> branches, String source) {

    public record Entry(String bloc, String tier, double total) {
    }
}
