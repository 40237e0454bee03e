package vn.unionreview.run.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import vn.unionreview.audit.Manifest;
import vn.unionreview.batch.JobParameterNames;
import vn.unionreview.batch.YearEndJobConfig;
import vn.unionreview.result.RunCounts;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunFolder;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.tables.RunTables;

/** The runs of a year as the job repository records them, with their counts, digests and folders. */
@Component
public class RunHistory {

    /**
     * One run (job instance): its folder, kind, attempt, last status and times, executions, counts and result digest.
     */
    public record Entry(
            long runId,
            Path folder,
            RunKind kind,
            long attempt,
            String status,
            LocalDateTime started,
            LocalDateTime ended,
            int executions,
            RunCounts counts,
            String resultDigest,
            boolean complete) {}

    private final JobRepository repository;
    private final RunTables store;

    public RunHistory(JobRepository repository, RunTables store) {
        this.repository = repository;
        this.store = store;
    }

    /** Newest first. */
    public List<Entry> runs() {
        List<Entry> entries = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(YearEndJobConfig.JOB, 0, 10_000)) {
            List<JobExecution> executions = repository.getJobExecutions(instance);
            JobExecution last = repository.getLastJobExecution(instance);
            if (last == null) {
                continue;
            }
            Path folder = Path.of(last.getJobParameters().getString(JobParameterNames.RUN_DIR));
            String digest = "";
            Path manifest = RunFile.MANIFEST.in(folder);
            if (Files.isRegularFile(manifest)) {
                try {
                    digest = Manifest.read(manifest).resultDigest();
                } catch (IOException e) {
                    digest = "(unreadable manifest)";
                }
            }
            LocalDateTime started = executions.stream()
                    .map(JobExecution::getStartTime)
                    .filter(Objects::nonNull)
                    .min(LocalDateTime::compareTo)
                    .orElse(null);
            entries.add(new Entry(
                    instance.getInstanceId(),
                    folder,
                    RunKind.ofParameter(last.getJobParameters().getString(JobParameterNames.KIND)),
                    last.getJobParameters().getLong(JobParameterNames.ATTEMPT),
                    last.getStatus().name(),
                    started,
                    last.getEndTime(),
                    executions.size(),
                    store.counts(instance.getInstanceId()),
                    digest,
                    RunFolder.isComplete(folder)));
        }
        return entries;
    }
}
