package vn.unionreview.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One branch scored on its own (computation steps 1–4 and 8): totals, tier before and after caps, the ranking keys
 * after the total (null where undefined), inflation, and the explanation so far. Deliberately small: ranking a national
 * dataset keeps only these in memory, not every cell.
 */
public record BranchScore(
        Branch branch,
        BigDecimal base,
        BigDecimal bonus,
        BigDecimal penalty,
        BigDecimal total,
        int tierBeforeCaps,
        int tierAfterCaps,
        List<String> capsFired,
        List<BigDecimal> tieBreakKeys,
        BigDecimal inflation,
        List<String> explanation) {

    public BranchScore {
        capsFired = List.copyOf(capsFired);
        tieBreakKeys = Collections.unmodifiableList(new ArrayList<>(tieBreakKeys)); // may hold nulls
        explanation = List.copyOf(explanation);
    }
}
