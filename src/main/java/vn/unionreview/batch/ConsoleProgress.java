package vn.unionreview.batch;

import java.time.Duration;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.run.workfiles.Tally;
import vn.unionreview.text.Message;
import vn.unionreview.text.Speech;

/**
 * Says one line per step as the run goes, and every {@value #EVERY} rows while reading, so staff see progress and where
 * a failure happened: "ingest: 37 rows read: 34 accepted, 3 rejected (401 ms)".
 */
class ConsoleProgress implements StepExecutionListener, ItemWriteListener<IngestRecord> {

    static final int EVERY = 5000;

    private long rows;
    private String stepName = "";

    private final Speech speech;

    ConsoleProgress(Speech speech) {
        this.speech = speech;
    }

    @Override
    public void beforeStep(StepExecution step) {
        rows = 0;
        stepName = step.getStepName();
    }

    @Override
    public void afterWrite(Chunk<? extends IngestRecord> items) {
        long before = rows;
        rows += items.getItems().stream()
                .filter(r -> !r.isFileItem() && !r.isRefusal())
                .count();
        if (rows / EVERY > before / EVERY) {
            speech.say("progress.rows", "step", step(stepName), "rows", rows);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        Message summary = Message.decode(step.getExecutionContext().getString(Steps.SUMMARY, "progress.nothing"));
        if (step.getStepName().equals(YearEndJobConfig.INGEST)) {
            Tally.Rows rows = Steps.work(step).tally().rows(IngestRecord.Source.TABLE);
            summary = Message.of(
                    "progress.rows_read",
                    "read",
                    rows.read(),
                    "accepted",
                    rows.accepted(),
                    "rejected",
                    rows.rejected());
        } else if (step.getStepName().equals(YearEndJobConfig.FORMS)) {
            Tally tally = Steps.work(step).tally();
            Tally.Rows forms = tally.rows(IngestRecord.Source.FORM);
            summary = Message.of(
                    "progress.forms_read",
                    "read",
                    forms.read(),
                    "accepted",
                    forms.accepted(),
                    "rejected",
                    forms.rejected(),
                    "unreadable",
                    tally.unreadableFiles(IngestRecord.Source.FORM));
        }
        long millis = step.getStartTime() == null || step.getEndTime() == null
                ? 0
                : Duration.between(step.getStartTime(), step.getEndTime()).toMillis();
        speech.say(
                "progress.step",
                "step",
                step(step.getStepName()),
                "summary",
                summary,
                "millis",
                millis,
                "failed",
                step.getStatus().isUnsuccessful() ? "yes" : "no");
        return step.getExitStatus();
    }

    /** The step's name as staff read it. */
    private static Message step(String name) {
        return Message.of("step.name", "step", name);
    }
}
