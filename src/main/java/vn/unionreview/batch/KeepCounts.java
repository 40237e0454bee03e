package vn.unionreview.batch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import vn.unionreview.run.tables.RunTables;

/**
 * After each step that changes what was read (registry, ingest, duplicates), keeps the run's numbers in the database,
 * so that the history shows them for a run that stopped later as for one that completed.
 */
class KeepCounts implements StepExecutionListener {

    private final RunTables store;

    KeepCounts(RunTables store) {
        this.store = store;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.COMPLETED) {
            store.saveCounts(Steps.runId(step), Steps.work(step).tally().counts());
        }
        return step.getExitStatus();
    }
}
