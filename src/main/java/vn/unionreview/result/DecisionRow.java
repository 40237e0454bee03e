package vn.unionreview.result;

/** What became of one council decision, as stored and reported: in file order, applied or not and why. */
public record DecisionRow(int seq, String branch, String summary, String reason, boolean applied, String outcome) {
}
