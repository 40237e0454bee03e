package vn.unionreview.batch;

import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.text.Message;

/** Small helpers shared by the job's tasklets. */
final class Steps {

    static final String SUMMARY = "summary";

    private Steps() {}

    /**
     * The run's id: the job instance id, stable across restarts of the same run (or
     * {@link JobParameterNames#RUN_TABLES}).
     */
    static long runId(ChunkContext context) {
        return runId(context.getStepContext().getStepExecution());
    }

    static long runId(StepExecution step) {
        JobExecution job = step.getJobExecution();
        Long named = job.getJobParameters().getLong(JobParameterNames.RUN_TABLES);
        return named != null ? named : job.getJobInstance().getInstanceId();
    }

    /** The run's work files (see {@link WorkFiles}). */
    static WorkFiles work(StepExecution step) {
        return WorkFiles.of(Path.of(step.getJobExecution().getJobParameters().getString(JobParameterNames.RUN_DIR)));
    }

    /**
     * A one-line account of what the step did, said as the run goes (stored as a message: the reader's language renders
     * it).
     */
    static void summary(ChunkContext context, Message summary) {
        context.getStepContext().getStepExecution().getExecutionContext().putString(SUMMARY, summary.encode());
    }
}
