package vn.unionreview.run.workfiles;

import vn.unionreview.ingest.Problem;
import vn.unionreview.text.Message;

/**
 * Texts cut where the run's tables cut them (db/migration/common): the work files keep them cut the same way, so an
 * output reads the same from either.
 */
public final class StoredText {

    /** ur_problem's cell_value and reason columns, and ur_decision's reason and outcome. */
    public static final int PROBLEM_MAX = 2000;
    /** ur_result's explanation column. */
    public static final int EXPLANATION_MAX = 20000;

    private StoredText() {}

    /** {@code s} whole when it fits in {@code max} characters, else its start and an ellipsis. */
    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The problem as ur_problem keeps it: its value and its reason's code and arguments cut to the columns' length. */
    public static Problem problem(Problem p) {
        String reason = p.reason().encode();
        if ((p.value() == null || p.value().length() <= PROBLEM_MAX) && reason.length() <= PROBLEM_MAX) {
            return p;
        }
        return new Problem(
                p.severity(),
                p.file(),
                p.sheet(),
                p.row(),
                p.cell(),
                p.column(),
                p.code(),
                cut(p.value(), PROBLEM_MAX),
                Message.decode(cut(reason, PROBLEM_MAX)));
    }
}
