package vn.unionreview.stats;

/** A branch's tier this year against its tier in the previous year's results. */
public record Movement(String code, String name, String previousTier, String tier, Direction direction) {

    public enum Direction {
        UP,
        SAME,
        DOWN,
        /** The previous year used tiers this year's rules do not have. */
        NOT_COMPARABLE,
        /** The branch has no result in the previous year. */
        NEW
    }
}
