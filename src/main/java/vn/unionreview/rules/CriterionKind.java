package vn.unionreview.rules;

/** Where a criterion's points go in the total. */
public enum CriterionKind {
    /** Part of a group; summed into the base total. */
    GROUP,
    /** Bonus points (điểm thưởng), added and capped at the bonus maximum. */
    BONUS,
    /** Penalty points (điểm trừ), subtracted and capped at the penalty maximum. */
    PENALTY
}
