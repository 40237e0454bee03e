package vn.unionreview.batch;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScorer;

/**
 * Scores each accepted submission as it is read (computation steps 1–4 and 8, which need nothing of other branches), so
 * that the score step ranks stored scores instead of reading every submission back. A score is stored without its
 * branch ({@link StoredScore}); the score step joins the registry's name and bloc, so here the branch is its code
 * alone, which validation has found in the registry. Stateless after construction: the forms step calls it from several
 * threads.
 */
final class SubmissionScoring {

    private final BranchScorer scorer;

    SubmissionScoring(RuleSet rules) {
        this.scorer = new BranchScorer(rules);
    }

    IngestRecord score(IngestRecord record) {
        if (!record.accepted()) {
            return record;
        }
        return record.scored(scorer.score(new Branch(record.code(), "", ""), record.submission()));
    }
}
