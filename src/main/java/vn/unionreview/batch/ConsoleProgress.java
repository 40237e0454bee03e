package vn.unionreview.batch;

import java.io.PrintWriter;
import java.time.Duration;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import vn.unionreview.ingest.IngestRecord;

/**
 * Prints one line per step as the run goes, and every {@value #EVERY} rows while reading, so staff see
 * progress and where a failure happened.
 */
class ConsoleProgress implements StepExecutionListener, ItemWriteListener<IngestRecord> {

    static final int EVERY = 5000;

    private long rows;
    private String stepName = "";

    private final PrintWriter out;
    private final RunStore store;

    ConsoleProgress(PrintWriter out, RunStore store) {
        this.out = out;
        this.store = store;
    }

    @Override
    public void beforeStep(StepExecution step) {
        rows = 0;
        stepName = step.getStepName();
    }

    @Override
    public void afterWrite(Chunk<? extends IngestRecord> items) {
        long before = rows;
        rows += items.getItems().stream().filter(r -> !r.isFileItem() && !r.isRefusal()).count();
        if (rows / EVERY > before / EVERY) {
            out.printf("  %-10s %,d rows…%n", stepName, rows);
            out.flush();
        }
    }


    @Override
    public ExitStatus afterStep(StepExecution step) {
        String summary = step.getExecutionContext().getString(Steps.SUMMARY, "");
        long run = Steps.runId(step);
        if (step.getStepName().equals(YearEndJobConfig.INGEST)) {
            int[] rows = store.rowCounts(run, IngestRecord.Source.TABLE);
            summary = (rows[0] + rows[1]) + " rows read: " + rows[0] + " accepted, " + rows[1] + " rejected";
        } else if (step.getStepName().equals(YearEndJobConfig.FORMS)) {
            int[] forms = store.rowCounts(run, IngestRecord.Source.FORM);
            int unreadable = store.unreadableFiles(run, IngestRecord.Source.FORM);
            summary = (forms[0] + forms[1]) + " forms read: " + forms[0] + " accepted, " + forms[1] + " rejected; "
                    + unreadable + " files not readable";
        }
        long millis = step.getStartTime() == null || step.getEndTime() == null ? 0
                : Duration.between(step.getStartTime(), step.getEndTime()).toMillis();
        String status = step.getStatus().isUnsuccessful() ? "FAILED (see below)" : "";
        out.printf("  %-10s %s%s (%d ms)%n", step.getStepName(), summary, status, millis);
        out.flush();
        return step.getExitStatus();
    }
}
