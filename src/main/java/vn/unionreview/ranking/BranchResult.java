package vn.unionreview.ranking;

import java.util.List;

import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;

/**
 * A branch's final result: its score, the tier after caps and quotas, competition ranks in its bloc and overall,
 * proposed awards (ids, best first), whether any proposal is a tie for the council to settle, the full explanation of
 * every rule that fired, and for a province the code of the unit beneath it whose published result this is ("" for a
 * branch the run scored: see {@link #kept}).
 */
public record BranchResult(
        BranchScore score,
        int tier,
        boolean demotedByQuota,
        int rankBloc,
        int rankAll,
        List<String> awards,
        boolean awardTie,
        List<String> explanation,
        String unit) {

    public BranchResult {
        awards = List.copyOf(awards);
        explanation = List.copyOf(explanation);
    }

    /**
     * A result a unit beneath the province published: its total, tier and caps stand as the unit decided them (no quota
     * of the province moves it), its rank in its bloc is the unit's, and the province ranks it overall and may propose
     * it for awards counted over the whole province.
     *
     * @param score the unit's figures, with the tier after caps; its tie-break keys undefined, the province not knowing
     *     the unit's criteria
     */
    public static BranchResult kept(BranchScore score, int tier, boolean demoted, int rankBloc, String unit) {
        return new BranchResult(score, tier, demoted, rankBloc, 0, List.of(), false, score.explanation(), unit);
    }

    /** Whether this is a unit's published result, kept as it decided it. */
    public boolean fromUnit() {
        return !unit.isEmpty();
    }

    public Branch branch() {
        return score.branch();
    }
}
