package vn.unionreview.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;

/**
 * A branch with more than one accepted submission has all of them rejected: which one counts is a
 * decision for a person, not a guess for the software. Only when the configuration says so, and
 * only between forms that each record a different saved time, the newest form is kept.
 */
class RejectDuplicatesTasklet implements Tasklet {

    private final RunStore store;
    private final DuplicatePolicy policy;

    RejectDuplicatesTasklet(RunStore store, DuplicatePolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        long run = Steps.runId(context);
        Map<String, List<RunStore.Submitted>> duplicates = store.duplicateSubmissions(run);
        List<Problem> problems = new ArrayList<>();
        int kept = 0;
        for (Map.Entry<String, List<RunStore.Submitted>> entry : duplicates.entrySet()) {
            String code = entry.getKey();
            List<RunStore.Submitted> rows = entry.getValue();
            RunStore.Submitted newest = policy == DuplicatePolicy.NEWER_FORM_WINS ? newestForm(rows) : null;
            for (RunStore.Submitted row : rows) {
                List<String> others = rows.stream().filter(o -> o != row).map(RunStore.Submitted::where).toList();
                if (row == newest) {
                    kept++;
                    problems.add(problem(Severity.NOTE, row, code, "duplicate forms for " + code + ": this one, saved " + row.savedAt()
                            + ", is the newest and is used (rule newer-form-wins; also " + String.join(", ", others) + ")"));
                    continue;
                }
                store.rejectRow(run, row.file(), row.sheet(), row.row());
                String reason = newest != null
                        ? "superseded by the newer form " + newest.file() + " (saved " + newest.savedAt() + "; rule newer-form-wins)"
                        : "duplicate submission for " + code + " (also " + String.join(", ", others) + "): all are rejected until one is removed"
                                + (policy == DuplicatePolicy.NEWER_FORM_WINS ? " (newer-form-wins only decides between forms with different saved times)" : "");
                problems.add(problem(Severity.REJECTED, row, code, reason));
            }
        }
        store.insertProblems(run, problems);
        Steps.summary(context, duplicates.isEmpty() ? "no duplicate submissions"
                : (problems.size() - kept) + " submissions rejected as duplicates for " + duplicates.size() + " branches"
                        + (kept > 0 ? "; the newest form kept for " + kept : ""));
        return RepeatStatus.FINISHED;
    }

    /** The one form saved after all the others, or null when any copy is not a form, has no saved time, or ties. */
    private static RunStore.Submitted newestForm(List<RunStore.Submitted> rows) {
        if (rows.stream().anyMatch(r -> r.source() != IngestRecord.Source.FORM || r.savedAt() == null)) {
            return null;
        }
        List<RunStore.Submitted> byTime = rows.stream().sorted(Comparator.comparing(RunStore.Submitted::savedAt).reversed()).toList();
        Instant newest = byTime.get(0).savedAt();
        return byTime.get(1).savedAt().equals(newest) ? null : byTime.get(0);
    }

    private static Problem problem(Severity severity, RunStore.Submitted row, String code, String reason) {
        return new Problem(severity, row.file(), row.sheet(), row.row(), "", "code", code, code, reason);
    }
}
