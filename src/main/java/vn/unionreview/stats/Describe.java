package vn.unionreview.stats;

import vn.unionreview.text.Text;

/** Descriptive statistics of one criterion's or group's counted points over the scored branches. */
public record Describe(
        String id,
        Text title,
        double max,
        int n,
        double mean,
        double median,
        double min,
        double maxValue,
        double standardDeviation) {

    /** The mean as a share of the maximum: the criterion profile. */
    public double meanShare() {
        return max == 0 ? 0 : mean / max;
    }
}
