package vn.unionreview.batch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.ranking.BranchResult;
import vn.unionreview.ranking.Ranker;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.BranchScorer;

/**
 * Step 4: scores each accepted submission as it streams from the database (keeping only the small
 * {@link BranchScore}), then ranks, applies quotas and proposes awards over all of them.
 */
class ScoreTasklet implements Tasklet {

    private final RunStore store;
    private final RunInputs inputs;

    ScoreTasklet(RunStore store, RunInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        long run = Steps.runId(context);
        RuleSet rules = inputs.rules().rules();
        BranchScorer scorer = new BranchScorer(rules);
        List<BranchScore> scores = new ArrayList<>();
        store.forEachAccepted(run, (branch, submission) -> scores.add(scorer.score(branch, submission)));
        List<BranchResult> results = new Ranker(rules).rank(scores);
        store.replaceResults(run, rules, results);
        contribution.incrementWriteCount(results.size());
        Steps.summary(context, results.size() + " branches scored and ranked");
        return RepeatStatus.FINISHED;
    }
}
