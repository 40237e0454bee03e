package vn.unionreview.batch;

import org.springframework.batch.core.scope.context.ChunkContext;

/** Small helpers shared by the job's tasklets. */
final class Steps {

    static final String SUMMARY = "summary";

    private Steps() {
    }

    /** The run's id: the job instance id, stable across restarts of the same run. */
    static long runId(ChunkContext context) {
        return context.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    }

    /** A one-line account of what the step did, printed as the run goes. */
    static void summary(ChunkContext context, String text) {
        context.getStepContext().getStepExecution().getExecutionContext().putString(SUMMARY, text);
    }
}
