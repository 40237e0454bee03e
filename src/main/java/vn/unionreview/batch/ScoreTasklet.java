package vn.unionreview.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.council.DecisionApplier;
import vn.unionreview.ranking.BranchResult;
import vn.unionreview.ranking.Ranker;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.run.workfiles.StoredResult;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.text.Message;

/**
 * The score step: ranks the accepted submissions' scores, kept as they were read (only the small {@link BranchScore} of
 * each), applies quotas and the council's decisions, and proposes awards. The results go to the run's work files, for
 * the export, and with every problem found to the database, in one transaction, for SQL users and the history.
 */
class ScoreTasklet implements Tasklet {

    private final RunTables store;
    private final RunInputs inputs;

    ScoreTasklet(RunTables store, RunInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        long run = Steps.runId(context);
        RuleSet rules = inputs.rules().rules();
        WorkFiles work = WorkFiles.of(inputs.runDir());
        // a branch not rated in the year (too new, or dissolved) was read and checked, but takes no place in ranks,
        // quotas or awards
        Set<String> rated = work.ratedCodes();
        List<BranchScore> scores = new ArrayList<>();
        work.forEachAcceptedScore(score -> {
            if (rated.contains(score.branch().code())) {
                scores.add(score);
            }
        });
        List<BranchResult> results = new Ranker(rules).rank(scores);
        CouncilDecisions council = inputs.decisions();
        Map<String, String> decided = new HashMap<>();
        List<DecisionRow> outcomes = new ArrayList<>();
        if (council != null) {
            DecisionApplier.Applied applied = new DecisionApplier(rules).apply(council, results, work.branchCodes());
            results = applied.results();
            applied.decided().forEach(code -> decided.put(code, council.meetingNumber()));
            for (DecisionApplier.Outcome o : applied.outcomes()) {
                outcomes.add(new DecisionRow(
                        outcomes.size() + 1,
                        o.decision().branch(),
                        o.decision().summary(),
                        o.decision().reason(),
                        o.applied(),
                        o.note().encode()));
            }
        }
        List<StoredResult> stored = results.stream()
                .map(r -> StoredResult.of(
                        rules, r, decided.getOrDefault(r.branch().code(), "")))
                .toList();
        work.writeResults(stored);
        store.replaceResults(run, stored);
        store.replaceProblems(run, work.problems());
        store.replaceDecisions(run, outcomes);
        contribution.incrementWriteCount(results.size());
        Steps.summary(
                context,
                council == null
                        ? Message.of("progress.scored", "branches", results.size())
                        : councilSummary(results.size(), outcomes, rules));
        return RepeatStatus.FINISHED;
    }

    /**
     * "54 branches scored and ranked; council decisions: 2 applied, 1 not applied (no. 2, CDCS-999: branch CDCS-999 was
     * not scored …)".
     */
    private static Message councilSummary(int branches, List<DecisionRow> outcomes, RuleSet rules) {
        List<Message> refused = outcomes.stream()
                .filter(o -> !o.applied())
                .map(o -> Message.of(
                        "progress.decision_not_applied",
                        "seq",
                        o.seq(),
                        "branch",
                        o.branch(),
                        "why",
                        DecisionApplier.named(rules, o.why())))
                .toList();
        return Message.of(
                "progress.scored_council",
                "branches",
                branches,
                "applied",
                outcomes.size() - refused.size(),
                "not_applied",
                refused.size(),
                "refused",
                refused);
    }
}
