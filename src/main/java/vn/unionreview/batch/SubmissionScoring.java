package vn.unionreview.batch;

import java.util.Map;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScorer;

/**
 * Scores each accepted submission as it is read (computation steps 1–4 and 8, which need nothing of
 * other branches), so that the score step ranks stored scores instead of reading every submission
 * back. Stateless after construction: the forms step calls it from several threads.
 */
final class SubmissionScoring {

    private final BranchScorer scorer;
    private final Map<String, Branch> registry;

    /** @param registry the run's registry by code: an accepted record's code is always in it */
    SubmissionScoring(RuleSet rules, Map<String, Branch> registry) {
        this.scorer = new BranchScorer(rules);
        this.registry = registry;
    }

    IngestRecord score(IngestRecord record) {
        if (!record.accepted()) {
            return record;
        }
        Branch branch = registry.get(record.code());
        if (branch == null) {
            throw new IllegalStateException("accepted row " + record.file() + " row " + record.row() + " has code " + record.code()
                    + ", which is not in the registry the validation read");
        }
        return record.scored(scorer.score(branch, record.submission()));
    }
}
