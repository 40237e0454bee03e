package vn.unionreview.run.launch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import vn.unionreview.Digests;
import vn.unionreview.audit.ActivityLog;
import vn.unionreview.batch.InputSettings;
import vn.unionreview.batch.JobParameterNames;
import vn.unionreview.batch.RunActivity;
import vn.unionreview.batch.RunSettings;
import vn.unionreview.batch.UnitsSettings;
import vn.unionreview.batch.YearEndJobConfig;
import vn.unionreview.council.DecisionsException;
import vn.unionreview.council.DecisionsLoader;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputException;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.report.CsvOutputs;
import vn.unionreview.report.FeedbackSettings;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.RunLog;
import vn.unionreview.run.tables.CrashRepair;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * Starts the year-end job for a {@link RunRequest}. The same year, rule set and input make the same job instance: a
 * completed one is not run again unless a rerun is asked for (which takes the next attempt number); a failed one is
 * restarted where it stopped, as Spring Batch does.
 */
@Component
public class YearEndLauncher {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunTables store;
    private final ReportSettings settings;
    private final FeedbackSettings feedback;
    private final InputSettings inputSettings;
    private final UnitsSettings unitsSettings;
    private final CrashRepair crashRepair;
    private final RunActivity activity;
    private final IntegritySettings integrity;

    public YearEndLauncher(
            JobOperator operator,
            JobRepository repository,
            Job yearEndJob,
            RunTables store,
            ReportSettings settings,
            FeedbackSettings feedback,
            InputSettings inputSettings,
            UnitsSettings unitsSettings,
            CrashRepair crashRepair,
            RunActivity activity,
            IntegritySettings integrity) {
        this.unitsSettings = unitsSettings;
        this.feedback = feedback;
        this.activity = activity;
        this.integrity = integrity;
        this.inputSettings = inputSettings;
        this.crashRepair = crashRepair;
        this.operator = operator;
        this.repository = repository;
        this.job = yearEndJob;
        this.store = store;
        this.settings = settings;
    }

    /**
     * Runs, resumes or reports the run asked for. The caller holds the year's {@link vn.unionreview.run.RunLock}: an
     * execution still marked running in the repository therefore belongs to a process that died, and is recovered
     * (marked failed, after {@link CrashRepair} has mended what the crash may have left in the database's indexes) so
     * that Spring Batch restarts it where it stopped.
     */
    public RunOutcome launch(RunRequest request) throws Exception {
        JobParameters parameters;
        if (request.resume()) {
            JobExecution unfinished = latestUnfinished();
            if (unfinished == null) {
                return new RunOutcome(
                        RunOutcome.Status.NOTHING_TO_RESUME, 0, 0, null, null, nothingToResume(request.year()));
            }
            parameters = unfinished.getJobParameters();
        } else {
            long attempt = 1;
            // the checks beside the rule set identify the run too: read once, whatever the attempt
            String checks = request.rules().checksDigest();
            parameters = parameters(request, attempt, checks);
            JobExecution last = repository.getLastJobExecution(YearEndJobConfig.JOB, parameters);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                if (!request.rerun()) {
                    return outcome(RunOutcome.Status.ALREADY_COMPLETED, last);
                }
                while (isComplete(parameters = parameters(request, ++attempt, checks))) {
                    // find the first attempt number not yet completed
                }
            }
        }
        JobExecution last = repository.getLastJobExecution(YearEndJobConfig.JOB, parameters);
        if (last == null) {
            // every branch must be known before a submission is judged, and the council's decisions must be readable: a
            // registry
            // that cannot be read whole, or a decisions file that breaks its format, stops nothing but this run
            try {
                if (request.inputs().registry() != null) {
                    RegistryReader.read(
                            request.inputs().registry(), runSettings(request).limits());
                }
                if (request.inputs().decisions() != null) {
                    DecisionsLoader.load(
                            request.inputs().decisions().path(), request.rules().sets());
                }
            } catch (InputException e) {
                return new RunOutcome(RunOutcome.Status.REFUSED, 0, 0, null, null, e.problem());
            } catch (DecisionsException e) {
                return new RunOutcome(RunOutcome.Status.REFUSED, 0, 0, null, null, e.problem());
            }
        }
        Path runDir = Path.of(parameters.getString(JobParameterNames.RUN_DIR));
        Files.createDirectories(runDir);
        ActivityLog activityLog = new ActivityLog(request.outputDir());
        String runName = runDir.getFileName().toString();
        activityLog.record(
                request.year(),
                request.origin().startedBy(),
                "run-started",
                runName,
                null,
                request.inputs().digest(),
                Message.of(
                                "activity.run_started",
                                "kind",
                                RunKind.ofParameter(parameters.getString(JobParameterNames.KIND))
                                        .key(),
                                "resumed",
                                last == null ? "no" : "yes")
                        .encode());
        RunOutcome.Status status = RunOutcome.Status.FAILED;
        try (RunLog log = RunLog.attach(runDir)) {
            if (last != null && last.getStatus().isRunning()) {
                crashRepair.rebuildIndexes();
                operator.recover(last);
            }
            JobExecution execution = operator.start(job, parameters);
            status = switch (execution.getStatus()) {
                case COMPLETED -> RunOutcome.Status.COMPLETED;
                case STOPPED, STOPPING -> RunOutcome.Status.STOPPED;
                default -> RunOutcome.Status.FAILED;
            };
            return outcome(status, execution);
        } finally {
            activityLog.record(
                    request.year(),
                    request.origin().startedBy(),
                    "run-ended",
                    runName,
                    null,
                    null,
                    Message.of("activity.run_ended", "status", status.name()).encode());
        }
    }

    /** What there is when there is nothing to resume: no run at all, or the latest one, completed. */
    private Message nothingToResume(int year) {
        List<JobInstance> instances = repository.getJobInstances(YearEndJobConfig.JOB, 0, 1);
        if (instances.isEmpty()) {
            return Message.of("run.nothing_started", "year", String.valueOf(year));
        }
        JobExecution latest = repository.getLastJobExecution(instances.get(0));
        return Message.of(
                "run.nothing_unfinished",
                "year",
                String.valueOf(year),
                "latest",
                latest == null
                        ? "?"
                        : Path.of(latest.getJobParameters().getString(JobParameterNames.RUN_DIR))
                                .getFileName()
                                .toString());
    }

    /** The newest run of the year that has not completed (the repository holds one year), or null. */
    private JobExecution latestUnfinished() {
        for (JobInstance instance : repository.getJobInstances(YearEndJobConfig.JOB, 0, 100)) {
            JobExecution last = repository.getLastJobExecution(instance);
            if (last != null && last.getStatus() != BatchStatus.COMPLETED) {
                return last;
            }
        }
        return null;
    }

    private boolean isComplete(JobParameters parameters) {
        JobExecution last = repository.getLastJobExecution(YearEndJobConfig.JOB, parameters);
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private RunOutcome outcome(RunOutcome.Status status, JobExecution execution) {
        JobInstance instance = execution.getJobInstance();
        Message failure = execution.getAllFailureExceptions().stream()
                .map(YearEndLauncher::message)
                .findFirst()
                .map(m -> Message.of("run.failed_at", "where", activity.describe(), "detail", m))
                .orElse(null);
        Path runDir = Path.of(execution.getJobParameters().getString(JobParameterNames.RUN_DIR));
        return new RunOutcome(
                status,
                instance.getInstanceId(),
                execution.getId(),
                runDir,
                store.counts(instance.getInstanceId())
                        .withSubmittedUnreadable(CsvOutputs.submittedUnreadable(RunFile.NOT_SUBMITTED.in(runDir))),
                failure);
    }

    /** What failed: a refusal's own words, in the reader's language; else the exception's text. */
    private static Object message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof MessageException refusal) {
            return refusal.problem();
        }
        // the root's kind says what failed when its message is only a path ("FileAlreadyExistsException: …/charts")
        String rootText = root.getClass().getSimpleName() + ": " + root.getMessage();
        return root == t ? rootText : t.getMessage() + " (" + rootText + ")";
    }

    /**
     * The run folder name: the first 12 hex digits of SHA-256(rules digest, input digest[, duplicates rule when not the
     * default][, the fact checks' digest when the rule set has checks beside it], the settings' digest[, "kind
     * validation" for a validation run]), then "-N" for attempt N > 1.
     */
    private String runName(RunRequest request, long attempt, String checks, String settingsDigest) {
        DuplicatePolicy duplicates = duplicates(request);
        String identity = request.rules().sha256() + "\n" + request.inputs().digest()
                + (duplicates == DuplicatePolicy.REJECT_ALL ? "" : "\n" + duplicates.key())
                + (checks.isEmpty() ? "" : "\nchecks " + checks)
                + "\nsettings " + settingsDigest
                + (request.origin().kind() == RunKind.FINAL
                        ? ""
                        : "\nkind " + request.origin().kind().key());
        String id = Digests.sha256(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return attempt == 1 ? id : id + "-" + attempt;
    }

    /** @param checks the digest of the fact checks beside the rule set, "" when it has none */
    private JobParameters parameters(RunRequest request, long attempt, String checks) {
        String settingsDigest = settingsDigest(request);
        Path runDir = request.outputDir()
                .resolve(Integer.toString(request.year()))
                .resolve(runName(request, attempt, checks, settingsDigest));
        JobParametersBuilder builder = new JobParametersBuilder();
        runSettings(request).describe().forEach((key, value) -> builder.addString(key, value, false));
        return builder.addLong(JobParameterNames.YEAR, (long) request.year())
                .addString(JobParameterNames.RULES_SHA256, request.rules().sha256())
                .addString(JobParameterNames.INPUT_SHA256, request.inputs().digest())
                .addLong(JobParameterNames.ATTEMPT, attempt)
                .addString(JobParameterNames.DUPLICATES, duplicates(request).key())
                .addString(JobParameterNames.CHECKS_SHA256, checks)
                .addString(JobParameterNames.SETTINGS_SHA256, settingsDigest)
                .addString(JobParameterNames.KIND, request.origin().kind().parameter())
                .addString(JobParameterNames.STARTED_BY, request.origin().startedBy(), false)
                .addString(JobParameterNames.INTEGRITY, integrity(request).line(), false)
                .addString(
                        JobParameterNames.RULES_PATH,
                        request.rules().path().toAbsolutePath().toString(),
                        false)
                .addString(
                        JobParameterNames.INPUT_DIR,
                        request.inputDir().toAbsolutePath().toString(),
                        false)
                .addString(
                        JobParameterNames.RUN_DIR,
                        runDir.toAbsolutePath().normalize().toString(),
                        false)
                .addString(JobParameterNames.REPORT_DATE, reportDate(request).toString(), false)
                .addString(JobParameterNames.LANGUAGES, String.join(",", languages(request)), false)
                .addString(
                        JobParameterNames.COMPARE,
                        request.compare() == null
                                ? ""
                                : request.compare().toAbsolutePath().toString(),
                        false)
                .toJobParameters();
    }

    /** Every setting that shapes an output, as {@link JobParameterNames#SETTINGS_SHA256} describes. */
    private String settingsDigest(RunRequest request) {
        String all = runSettings(request).digest() + "\nintegrity "
                + integrity(request).line() + "\nlanguages " + String.join(",", languages(request));
        return Digests.sha256(all.getBytes(StandardCharsets.UTF_8));
    }

    private RunSettings runSettings(RunRequest request) {
        return request.settings() != null
                ? request.settings()
                : RunSettings.configured(settings, feedback, inputSettings, unitsSettings, request.year());
    }

    private IntegritySettings integrity(RunRequest request) {
        return request.integrity() != null ? request.integrity() : integrity;
    }

    private List<String> languages(RunRequest request) {
        return request.languages() != null ? request.languages() : settings.languages();
    }

    private DuplicatePolicy duplicates(RunRequest request) {
        return request.duplicates() != null ? request.duplicates() : inputSettings.duplicatePolicy();
    }

    /** The date printed on the report: asked for, configured, or the day the run is started. */
    private LocalDate reportDate(RunRequest request) {
        if (request.reportDate() != null) {
            return request.reportDate();
        }
        return settings.date() != null ? settings.date() : LocalDate.now();
    }
}
