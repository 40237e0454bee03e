package vn.unionreview.batch;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import vn.unionreview.ingest.IngestRecord;

/**
 * Makes an ingest step start over when it runs again after a crash: what an earlier attempt wrote is deleted first, and
 * the readers keep no checkpoint. A checkpoint and the rows it counts can part company when a process is killed (seen
 * once in CI, when rows went to H2: after a kill, rows were present that the saved read count said were still to come;
 * a kill can likewise cut a work file's last record); starting the step over cannot, and costs one re-read of its
 * files. Completed steps are never redone.
 */
class StartOver implements StepExecutionListener {

    private final IngestRecord.Source source;

    StartOver(IngestRecord.Source source) {
        this.source = source;
    }

    @Override
    public void beforeStep(StepExecution step) {
        Steps.work(step).forget(source);
    }
}
