package vn.unionreview.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;

/**
 * Step 3: a branch with more than one accepted submission has all of them rejected: which one
 * counts is a decision for a person, not a guess for the software.
 */
class RejectDuplicatesTasklet implements Tasklet {

    private final RunStore store;

    RejectDuplicatesTasklet(RunStore store) {
        this.store = store;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        long run = Steps.runId(context);
        Map<String, List<Object[]>> duplicates = store.duplicateSubmissions(run);
        List<Problem> problems = new ArrayList<>();
        duplicates.forEach((code, rows) -> {
            for (Object[] row : rows) {
                String file = (String) row[0];
                String sheet = (String) row[1];
                int number = (Integer) row[2];
                List<String> others = rows.stream().filter(o -> o != row).map(o -> o[0] + " row " + o[2]).toList();
                store.rejectRow(run, file, sheet, number);
                problems.add(new Problem(Severity.REJECTED, file, sheet, number, "", "code", code, code,
                        "duplicate submission for " + code + " (also " + String.join(", ", others)
                                + "): all are rejected until one is removed"));
            }
        });
        store.insertProblems(run, problems);
        Steps.summary(context, duplicates.isEmpty() ? "no duplicate submissions"
                : problems.size() + " rows rejected as duplicate submissions for " + duplicates.size() + " branches");
        return RepeatStatus.FINISHED;
    }
}
