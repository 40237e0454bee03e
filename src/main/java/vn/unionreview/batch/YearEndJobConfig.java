package vn.unionreview.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.unionreview.form.FormReader;
import vn.unionreview.form.FormValidator;
import vn.unionreview.ingest.BranchRules;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.TableRow;
import vn.unionreview.ingest.TableRowReader;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.report.FeedbackSettings;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.run.RunLog;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.text.Speech;

/**
 * The year-end job: registry → ingest → forms → duplicates → score → export → manifest. Each step's reader, writer or
 * tasklet is a small named class; everything holding a file is step-scoped.
 */
@Configuration
public class YearEndJobConfig {

    public static final String JOB = "yearEnd";
    static final String INGEST = "ingest";
    static final String FORMS = "forms";
    static final int CHUNK = 500;
    static final int FORM_CHUNK = 200;

    @Bean
    Job yearEndJob(
            JobRepository jobs,
            Step registryStep,
            Step ingestStep,
            Step formsStep,
            Step duplicatesStep,
            Step scoreStep,
            Step exportStep,
            Step manifestStep) {
        return new JobBuilder(JOB, jobs)
                .listener(new RunFolderListener())
                .start(registryStep)
                .next(ingestStep)
                .next(formsStep)
                .next(duplicatesStep)
                .next(scoreStep)
                .next(exportStep)
                .next(manifestStep)
                .build();
    }

    @Bean
    @JobScope
    RunInputs runInputs(
            @Value("#{jobParameters['" + JobParameterNames.YEAR + "']}") Long year,
            @Value("#{jobParameters['" + JobParameterNames.RULES_PATH + "']}") String rulesPath,
            @Value("#{jobParameters['" + JobParameterNames.RULES_SHA256 + "']}") String rulesSha,
            @Value("#{jobParameters['" + JobParameterNames.INPUT_DIR + "']}") String inputDir,
            @Value("#{jobParameters['" + JobParameterNames.INPUT_SHA256 + "']}") String inputSha,
            @Value("#{jobParameters['" + JobParameterNames.RUN_DIR + "']}") String runDir,
            @Value("#{jobParameters['" + JobParameterNames.REPORT_DATE + "']}") String reportDate,
            @Value("#{jobParameters['" + JobParameterNames.LANGUAGES + "']}") String languages,
            @Value("#{jobParameters['" + JobParameterNames.COMPARE + "']}") String compare,
            @Value("#{jobParameters['" + JobParameterNames.DUPLICATES + "']}") String duplicates,
            @Value("#{jobParameters['" + JobParameterNames.CHECKS_SHA256 + "']}") String checksSha,
            @Value("#{jobParameters['" + JobParameterNames.INTEGRITY + "']}") String integrity,
            @Value("#{jobParameters}") Map<String, Object> parameters,
            ReportSettings report,
            FeedbackSettings feedback,
            InputSettings input,
            UnitsSettings units) {
        return new RunInputs(
                year.intValue(),
                Path.of(rulesPath),
                rulesSha,
                Path.of(inputDir),
                inputSha,
                Path.of(runDir),
                LocalDate.parse(reportDate),
                List.of(languages.split(",")),
                compare == null || compare.isEmpty() ? null : Path.of(compare),
                DuplicatePolicy.of(duplicates),
                checksSha == null ? "" : checksSha,
                integrity == null ? IntegritySettings.DEFAULTS : IntegritySettings.ofLine(integrity),
                runSettings(parameters, RunSettings.configured(report, feedback, input, units, year.intValue())));
    }

    /**
     * The settings the run was started with; a run started by a version that did not record them takes the configured
     * ones.
     */
    private static RunSettings runSettings(Map<String, Object> parameters, RunSettings configured) {
        Map<String, String> recorded = new TreeMap<>();
        parameters.forEach((key, value) -> {
            if (key.startsWith(JobParameterNames.SETTING_PREFIX)) {
                recorded.put(key, String.valueOf(value));
            }
        });
        return recorded.isEmpty() ? configured : RunSettings.of(recorded);
    }

    @Bean
    ConsoleProgress consoleProgress(Speech progress) {
        return new ConsoleProgress(progress);
    }

    @Bean
    KeepCounts keepCounts(RunTables store) {
        return new KeepCounts(store);
    }

    @Bean
    Step registryStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            RunInputs inputs,
            ConsoleProgress progress,
            KeepCounts counts,
            RunActivity activity) {
        return new StepBuilder("registry", jobs)
                .tasklet(new LoadRegistryTasklet(inputs), tx)
                .listener(progress)
                .listener(counts)
                .listener(activity)
                .build();
    }

    /**
     * Consolidated tables: rows are read, validated, scored and written in file order, on one thread: handing rows to a
     * second core measured no faster (docs/performance.md), as a row's processing is small beside reading and keeping
     * it. No checkpoint: a restart starts over (StartOver).
     */
    @Bean
    Step ingestStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            TableRowReader tableRowReader,
            RowValidationProcessor rowValidation,
            IngestWriter tableWriter,
            ConsoleProgress progress,
            KeepCounts counts,
            RunActivity activity) {
        return new StepBuilder(INGEST, jobs)
                .<TableRow, IngestRecord>chunk(CHUNK)
                .transactionManager(tx)
                .reader(tableRowReader)
                .processor(rowValidation)
                .writer(tableWriter)
                .listener(new StartOver(IngestRecord.Source.TABLE))
                .listener(progress)
                .listener(counts)
                .listener(activity)
                .build();
    }

    @Bean
    @StepScope
    TableRowReader tableRowReader(RunInputs inputs) {
        return new TableRowReader(
                BranchRules.of(inputs.rules(), Map.of()),
                inputs.inputs().tables(),
                inputs.settings().limits());
    }

    @Bean
    @StepScope
    RowValidationProcessor rowValidation(RunInputs inputs) {
        return new RowValidationProcessor(
                new RowValidator(
                        branchRules(inputs), WorkFiles.of(inputs.runDir()).branchCodes()),
                new SubmissionScoring(branchRules(inputs)));
    }

    /** Which rule set reads each branch's submission: in a year ruled by kind, that of the kind the registry gives. */
    private static BranchRules branchRules(RunInputs inputs) {
        return BranchRules.of(inputs.rules(), WorkFiles.of(inputs.runDir()).branchKinds());
    }

    @Bean
    @StepScope
    IngestWriter tableWriter(RunInputs inputs) {
        return new IngestWriter(WorkFiles.of(inputs.runDir()), IngestRecord.Source.TABLE);
    }

    @Bean
    @StepScope
    IngestWriter formWriter(RunInputs inputs) {
        return new IngestWriter(WorkFiles.of(inputs.runDir()), IngestRecord.Source.FORM);
    }

    /**
     * Branch forms under forms/: one item per file, validated and scored like a table row. The file list is read in
     * name order and written in order; opening, parsing and scoring each file (the processor) runs on every core, as
     * forms are independent files. No checkpoint: a restart starts over (StartOver). Forms are small; a chunk is a few
     * hundred files.
     */
    @Bean
    Step formsStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            ListItemReader<InputFile> formFiles,
            FormValidationProcessor formValidation,
            IngestWriter formWriter,
            ConsoleProgress progress,
            KeepCounts counts,
            RunActivity activity,
            AsyncTaskExecutor formParsers) {
        return new StepBuilder(FORMS, jobs)
                .<InputFile, IngestRecord>chunk(FORM_CHUNK)
                .transactionManager(tx)
                .reader(formFiles)
                .processor(formValidation)
                .taskExecutor(formParsers)
                .writer(formWriter)
                .listener(new StartOver(IngestRecord.Source.FORM))
                .listener(progress)
                .listener(counts)
                .listener(activity)
                .build();
    }

    @Bean
    ThreadPoolTaskExecutor formParsers() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(Runtime.getRuntime().availableProcessors());
        executor.setThreadNamePrefix("union-review-forms-");
        executor.setTaskDecorator(RunLog::carry); // a form's warnings go to its run's log
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    @StepScope
    ListItemReader<InputFile> formFiles(RunInputs inputs) {
        return new ListItemReader<>(inputs.inputs().forms());
    }

    @Bean
    @StepScope
    FormValidationProcessor formValidation(RunInputs inputs) {
        return new FormValidationProcessor(
                new FormReader(branchRules(inputs), inputs.settings().limits()),
                new FormValidator(
                        branchRules(inputs),
                        inputs.year(),
                        WorkFiles.of(inputs.runDir()).branchNames()),
                new SubmissionScoring(branchRules(inputs)));
    }

    @Bean
    @JobScope
    Step duplicatesStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            RunInputs inputs,
            ConsoleProgress progress,
            KeepCounts counts,
            RunActivity activity) {
        return new StepBuilder("duplicates", jobs)
                .tasklet(new RejectDuplicatesTasklet(WorkFiles.of(inputs.runDir()), inputs.duplicates()), tx)
                .listener(progress)
                .listener(counts)
                .listener(activity)
                .build();
    }

    @Bean
    Step scoreStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            RunTables store,
            RunInputs inputs,
            ConsoleProgress progress,
            RunActivity activity) {
        return new StepBuilder("score", jobs)
                .tasklet(new ScoreTasklet(store, inputs), tx)
                .listener(progress)
                .listener(activity)
                .build();
    }

    @Bean
    Step manifestStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            RunTables store,
            RunInputs inputs,
            ConsoleProgress progress,
            RunActivity activity) {
        return new StepBuilder("manifest", jobs)
                .tasklet(new ManifestTasklet(store, inputs), tx)
                .listener(progress)
                .listener(activity)
                .build();
    }
}
