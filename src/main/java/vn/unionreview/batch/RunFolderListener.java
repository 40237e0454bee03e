package vn.unionreview.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import vn.unionreview.run.RunFolder;
import vn.unionreview.run.workfiles.WorkFiles;

/**
 * The run folder tells the truth about its run: marked INCOMPLETE before the first step (again on a restart) and
 * unmarked only when the whole job has completed, so a crash at any point leaves the marker (the manifest step, the
 * last, has written manifest.json by then). The run's work files go with the marker: a completed run never reads them
 * again.
 */
class RunFolderListener implements JobExecutionListener {

    @Override
    public void beforeJob(JobExecution execution) {
        try {
            RunFolder.markIncomplete(runDir(execution));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the run folder incomplete: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            try {
                WorkFiles.of(runDir(execution)).delete();
                RunFolder.markComplete(runDir(execution));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark the run folder complete: " + e.getMessage(), e);
            }
        }
    }

    private static Path runDir(JobExecution execution) {
        return Path.of(execution.getJobParameters().getString(JobParameterNames.RUN_DIR));
    }
}
