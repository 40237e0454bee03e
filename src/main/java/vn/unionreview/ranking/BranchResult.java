package vn.unionreview.ranking;

import java.util.List;

import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;

/**
 * A branch's final result: its score, the tier after caps and quotas, competition ranks in its bloc and overall,
 * proposed awards (ids, best first), whether any proposal is a tie for the council to settle, and the full explanation
 * of every rule that fired.
 */
public record BranchResult(
        BranchScore score,
        int tier,
        boolean demotedByQuota,
        int rankBloc,
        int rankAll,
        List<String> awards,
        boolean awardTie,
        List<String> explanation) {

    public BranchResult {
        awards = List.copyOf(awards);
        explanation = List.copyOf(explanation);
    }

    public Branch branch() {
        return score.branch();
    }
}
