package vn.unionreview.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.Problem;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.text.Message;

/**
 * The duplicates step: every branch with more than one accepted submission, judged by the {@link DuplicateRule}; the
 * copies it does not keep are set aside in the run's work files, with its reasons. Run again, it judges anew.
 */
class RejectDuplicatesTasklet implements Tasklet {

    private final WorkFiles work;
    private final DuplicateRule rule;

    RejectDuplicatesTasklet(WorkFiles work, DuplicatePolicy policy) {
        this.work = work;
        this.rule = new DuplicateRule(policy);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        Map<String, List<DuplicateRule.Copy>> duplicates = work.tally().duplicateSubmissions();
        List<Problem> problems = new ArrayList<>();
        List<DuplicateRule.Copy> setAside = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, List<DuplicateRule.Copy>> entry : duplicates.entrySet()) {
            for (DuplicateRule.Verdict verdict : rule.decide(entry.getKey(), entry.getValue())) {
                if (verdict.kept()) {
                    kept++;
                } else {
                    setAside.add(verdict.copy());
                }
                problems.add(verdict.problem());
            }
        }
        work.writeDuplicates(setAside, problems);
        Steps.summary(
                context,
                Message.of(
                        "progress.duplicates",
                        "rejected",
                        setAside.size(),
                        "branches",
                        duplicates.size(),
                        "kept",
                        kept));
        return RepeatStatus.FINISHED;
    }
}
