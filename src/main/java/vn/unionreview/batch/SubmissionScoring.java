package vn.unionreview.batch;

import java.util.IdentityHashMap;
import java.util.Map;

import vn.unionreview.ingest.BranchRules;
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

    private final BranchRules rules;
    private final Map<RuleSet, BranchScorer> scorers = new IdentityHashMap<>();

    /** @param rules which rule set scores each branch: in a year ruled by kind, its kind's */
    SubmissionScoring(BranchRules rules) {
        this.rules = rules;
        rules.sets().forEach(set -> scorers.put(set, new BranchScorer(set)));
    }

    IngestRecord score(IngestRecord record) {
        if (!record.accepted()) {
            return record;
        }
        // validation accepts only a branch whose kind has a rule set
        return record.scored(
                scorers.get(rules.of(record.code())).score(new Branch(record.code(), "", ""), record.submission()));
    }
}
