package vn.unionreview.rules;

import java.time.LocalDate;

/**
 * Who may be rated in the year (Hướng dẫn 1294/HD-TLĐ): a branch that has operated at least {@code minMonths} calendar
 * months by {@code asOf}, or {@code minMonthsAfterReorganisation} months after the split, merger or consolidation that
 * formed it. A branch dissolved on or before {@code asOf} is out of the year.
 */
public record Eligibility(LocalDate asOf, int minMonths, int minMonthsAfterReorganisation) {}
