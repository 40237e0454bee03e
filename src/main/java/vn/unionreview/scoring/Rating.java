package vn.unionreview.scoring;

import java.time.LocalDate;

import vn.unionreview.rules.Eligibility;
import vn.unionreview.rules.RuleBook;

/**
 * Whether a branch is rated in the year, before step 1 of the rules contract (docs/rules-format.md, "Who is rated"). A
 * month is a calendar month: added to 31 August it gives 30 September, to 31 January of a leap year 29 February.
 */
public final class Rating {

    /** What the registry and the rule set make of a branch. */
    public enum Status {
        RATED,
        /** Dissolved on or before the date rating looks at: out of the year. */
        DISSOLVED,
        /** Founded too recently, with no reorganisation that would let it be rated. */
        TOO_NEW,
        /** Formed by a split, merger or consolidation too recently, and founded too recently as well. */
        TOO_NEW_SINCE_REORGANISATION,
        /** In a year ruled by kind, the registry gives the branch no kind. */
        NO_KIND,
        /** In a year ruled by kind, the branch's kind has no rule set. */
        KIND_WITHOUT_RULES
    }

    /** The status, and for a branch too new the first day it would be rated (null otherwise). */
    public record Verdict(Status status, LocalDate ratedFrom) {

        public boolean rated() {
            return status == Status.RATED;
        }
    }

    private static final Verdict RATED = new Verdict(Status.RATED, null);

    private Rating() {}

    /**
     * The verdict for a registry branch: in a year ruled by kind, a branch is rated only on its kind's rule set, and so
     * only when it has a kind that has one; then as that rule set's eligibility says.
     */
    public static Verdict of(Branch branch, RuleBook rules) {
        if (!rules.byKind()) {
            return of(branch.history(), rules.first().eligibility());
        }
        if (branch.kind().isEmpty()) {
            return new Verdict(Status.NO_KIND, null);
        }
        return rules.forKind(branch.kind())
                .map(kind -> of(branch.history(), kind.eligibility()))
                .orElse(new Verdict(Status.KIND_WITHOUT_RULES, null));
    }

    /** The verdict for a branch with {@code history}; every branch is rated when the rule set has no eligibility. */
    public static Verdict of(BranchHistory history, Eligibility eligibility) {
        if (eligibility == null) {
            return RATED;
        }
        LocalDate asOf = eligibility.asOf();
        if (history.dissolved() != null && !history.dissolved().isAfter(asOf)) {
            return new Verdict(Status.DISSOLVED, null);
        }
        if (history.established() == null) {
            return RATED;
        }
        LocalDate byAge = history.established().plusMonths(eligibility.minMonths());
        if (!byAge.isAfter(asOf)) {
            return RATED;
        }
        if (history.reorganised() == null) {
            return new Verdict(Status.TOO_NEW, byAge);
        }
        LocalDate byReorganisation = history.reorganised().plusMonths(eligibility.minMonthsAfterReorganisation());
        if (!byReorganisation.isAfter(asOf)) {
            return RATED;
        }
        return new Verdict(
                Status.TOO_NEW_SINCE_REORGANISATION, byReorganisation.isBefore(byAge) ? byReorganisation : byAge);
    }
}
