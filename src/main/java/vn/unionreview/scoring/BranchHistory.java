package vn.unionreview.scoring;

import java.time.LocalDate;
import java.util.List;

/**
 * What the registry says of a branch's life: when it was founded in its present form, when the split, merger or
 * consolidation that formed it took place, when it was dissolved (each null when not said), and the codes of the
 * branches it continues (its old code after a move, the branches merged into it, the branch it was split from).
 */
public record BranchHistory(
        LocalDate established, LocalDate reorganised, LocalDate dissolved, List<String> predecessors) {

    /** A branch of which the registry says nothing more: as every registry before 2026. */
    public static final BranchHistory NONE = new BranchHistory(null, null, null, List.of());

    public BranchHistory {
        predecessors = List.copyOf(predecessors);
    }
}
