package vn.unionreview.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.unionreview.run.RunLog;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.text.Message;

/**
 * The export step, as a step of steps: {@code gather} reads the stored results once; then, side by side, the workbook
 * ({@code workbook}, then the {@code charts} files) and the documents ({@code findings}: statistics, integrity signals
 * and letters; {@code tables}: the CSVs; {@code reports}: the PDFs); then {@code letters}, written on every core, and
 * their {@code letterIndex}. The job sees one step, {@code export}, as before: its progress line, its place in run.log,
 * and its restart, which writes every file again (each inner step starts again even if it completed).
 */
@Configuration
public class ExportFlowConfig {

    @Bean
    @JobScope
    ExportWork exportWork() {
        return new ExportWork();
    }

    /**
     * The export's threads: as many as cores, and never fewer than the split's two flows, as the workbook's flow waits
     * for the findings the other flow works out. A step on them sees the run's job scope and logs to its run.log, as on
     * the job's own thread.
     */
    @Bean
    ThreadPoolTaskExecutor exportThreads() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(exportThreadCount());
        executor.setThreadNamePrefix("union-review-export-");
        executor.setDaemon(true);
        executor.setTaskDecorator(task -> {
            JobContext job = JobSynchronizationManager.getContext();
            Runnable logged = RunLog.carry(task);
            if (job == null) {
                return logged;
            }
            JobExecution execution = job.getJobExecution();
            return () -> {
                JobSynchronizationManager.register(execution);
                try {
                    logged.run();
                } finally {
                    JobSynchronizationManager.release();
                }
            };
        });
        return executor;
    }

    private static int exportThreadCount() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    @Bean
    Step exportStep(
            JobRepository jobs,
            PlatformTransactionManager tx,
            RunTables store,
            RunInputs inputs,
            ExportWork exportWork,
            ThreadPoolTaskExecutor exportThreads,
            ConsoleProgress progress,
            RunActivity activity) {
        ExportSteps export = new ExportSteps(store, inputs, exportWork);
        Flow workbook = new FlowBuilder<SimpleFlow>("workbook")
                .start(step("workbook", export::workbooks, jobs, tx))
                .next(step("charts", export::chartFiles, jobs, tx))
                .build();
        Flow documents = new FlowBuilder<SimpleFlow>("documents")
                .start(step("findings", export::findings, jobs, tx))
                .next(step("tables", export::tables, jobs, tx))
                .next(step("reports", export::reports, jobs, tx))
                .build();
        Flow sideBySide = new FlowBuilder<SimpleFlow>("workbook and documents")
                .split(exportThreads)
                .add(workbook, documents)
                .build();
        Step letters = new StepBuilder("letters", jobs)
                .partitioner("letterWriter", gridSize -> writers())
                .step(step("letterWriter", export::letters, jobs, tx))
                .gridSize(exportThreadCount())
                .taskExecutor(exportThreads)
                .allowStartIfComplete(true)
                .build();
        Flow flow = new FlowBuilder<SimpleFlow>("export")
                .start(step("gather", export::gather, jobs, tx))
                .next(sideBySide)
                .next(letters)
                .next(step("letterIndex", export::letterIndex, jobs, tx))
                .build();
        // listeners' afterStep run last-added first: the summary is in the context before the progress line is said
        return new StepBuilder("export", jobs)
                .flow(flow)
                .listener(progress)
                .listener(activity)
                .listener(summary(exportWork, inputs))
                .build();
    }

    /** One partition a letter writer: each takes letters from the shared queue until none is left. */
    private static Map<String, ExecutionContext> writers() {
        Map<String, ExecutionContext> writers = new LinkedHashMap<>();
        for (int i = 1; i <= exportThreadCount(); i++) {
            writers.put("writer" + i, new ExecutionContext());
        }
        return writers;
    }

    private static Step step(String name, ExportSteps.Part part, JobRepository jobs, PlatformTransactionManager tx) {
        return new StepBuilder(name, jobs)
                .tasklet(
                        (contribution, context) -> {
                            part.run(context);
                            return RepeatStatus.FINISHED;
                        },
                        tx)
                .allowStartIfComplete(true)
                .build();
    }

    /** The export's one-line account: the files it wrote. */
    private static StepExecutionListener summary(ExportWork work, RunInputs inputs) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution step) {
                if (step.getStatus() == BatchStatus.COMPLETED) {
                    step.getExecutionContext()
                            .putString(
                                    Steps.SUMMARY,
                                    Message.of("progress.exported", "files", work.written(inputs.languages()))
                                            .encode());
                }
                return step.getExitStatus();
            }
        };
    }
}
