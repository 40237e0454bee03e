package vn.unionreview.stats;

import java.util.List;
import java.util.Map;

/**
 * This year against earlier years' archived results: tier movements against the latest earlier year, and each bloc's
 * mean total per year (oldest first) for the trend.
 */
public record YearOverYear(
        int previousYear,
        List<Movement> movements,
        Map<Movement.Direction, Integer> counts,
        List<Integer> years,
        Map<String, List<Double>> blocMeanByYear,
        List<String> sources) {}
