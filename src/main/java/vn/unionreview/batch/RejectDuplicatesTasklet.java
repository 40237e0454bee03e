package vn.unionreview.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.batch.store.RunStore;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.Problem;
import vn.unionreview.text.Message;

/**
 * Step: every branch with more than one accepted submission, judged by the {@link DuplicateRule}; the
 * copies it does not keep are rejected in the run tables, with its reasons.
 */
class RejectDuplicatesTasklet implements Tasklet {

    private final RunStore store;
    private final DuplicateRule rule;

    RejectDuplicatesTasklet(RunStore store, DuplicatePolicy policy) {
        this.store = store;
        this.rule = new DuplicateRule(policy);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        long run = Steps.runId(context);
        Map<String, List<DuplicateRule.Copy>> duplicates = store.duplicateSubmissions(run);
        List<Problem> problems = new ArrayList<>();
        int rejected = 0;
        int kept = 0;
        for (Map.Entry<String, List<DuplicateRule.Copy>> entry : duplicates.entrySet()) {
            for (DuplicateRule.Verdict verdict : rule.decide(entry.getKey(), entry.getValue())) {
                if (verdict.kept()) {
                    kept++;
                } else {
                    rejected++;
                    store.rejectRow(run, verdict.copy().file(), verdict.copy().sheet(), verdict.copy().row());
                }
                problems.add(verdict.problem());
            }
        }
        store.insertProblems(run, problems);
        Steps.summary(context, Message.of("progress.duplicates", "rejected", rejected, "branches", duplicates.size(), "kept", kept));
        return RepeatStatus.FINISHED;
    }
}
