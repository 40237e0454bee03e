package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.run.workfiles.RowWriter;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;
import vn.unionreview.text.Speech;
import vn.unionreview.year.RunService;

/**
 * The reading, duplicates, score and export steps started one at a time (spring-batch-test) on a completed run of the
 * sample year, so that a change to one of them fails here, step by step, before the end-to-end tests say something is
 * wrong somewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearEndStepsTest {

    @TempDir
    static Path output;

    static Path runDir;
    private static final AtomicLong STARTS = new AtomicLong();

    @BeforeAll
    static void aCompletedRun() {
        CliRun run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
    }

    /** A completed run leaves no work files; the reading steps, run again, write them as the run had them. */
    @Test
    @Order(1)
    void readingStepsWriteTheWorkFilesAgain() throws Exception {
        assertThat(RunFile.WORK.in(runDir)).doesNotExist();
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        inTheRun((context, run) -> {
            for (String step : List.of("registry", "ingest", "forms", "duplicates")) {
                assertThat(startStep(context, run, step).getStatus()).as(step).isEqualTo(BatchStatus.COMPLETED);
            }
            RunCounts counts = WorkFiles.of(runDir).tally().counts();
            assertThat(Manifest.Counts.of(counts)).isEqualTo(manifest.counts());
            assertThat(counts.rowsAccepted()).isEqualTo(54);
            return null;
        });
    }

    @Test
    @Order(2)
    void scoreRanksTheScoresKeptAsRowsWereRead() {
        inTheRun((context, run) -> {
            RunTables store = context.getBean(RunTables.class);
            List<ResultRow> before = store.results(run);
            context.getBean(JdbcTemplate.class).update("DELETE FROM ur_result WHERE run_id = ?", run);
            assertThat(store.results(run)).isEmpty();
            JobExecution score = startStep(context, run, "score");
            assertThat(score.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(store.results(run)).hasSize(54).containsExactlyInAnyOrderElementsOf(before);
            // what the export reads from the work files is what the database gives back, decimal places and all
            assertThat(WorkFiles.of(runDir).resultRows()).containsExactlyInAnyOrderElementsOf(before);
            // and the problems the export reads in the order the database gives them (file, sheet, row, then as found)
            assertThat(WorkFiles.of(runDir).problemsInOrder())
                    .hasSizeGreaterThan(20)
                    .isEqualTo(store.problems(run));
            assertThat(score.getStepExecutions()
                            .iterator()
                            .next()
                            .getExecutionContext()
                            .getString(Steps.SUMMARY))
                    .isEqualTo(Message.of("progress.scored", "branches", 54).encode());
            return null;
        });
    }

    @Test
    @Order(3)
    void exportWritesTheSameFilesAgainFromTheStoredResults() throws Exception {
        Map<String, byte[]> before = new HashMap<>();
        for (String name : List.of(
                "results.csv",
                "rejected.csv",
                "not-submitted.csv",
                "files.csv",
                "integrity.csv",
                "results.xlsx",
                "report.pdf",
                "feedback/CDCS-003.pdf")) {
            before.put(name, Files.readAllBytes(runDir.resolve(name)));
            Files.delete(runDir.resolve(name));
        }
        inTheRun((context, run) -> {
            assertThat(startStep(context, run, "export").getStatus()).isEqualTo(BatchStatus.COMPLETED);
            return null;
        });
        for (Map.Entry<String, byte[]> file : before.entrySet()) {
            // the report too: it names no execution id or path, so the step's own execution writes the same bytes
            assertThat(Files.readAllBytes(runDir.resolve(file.getKey())))
                    .as(file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    @Order(4)
    void duplicatesRejectsBothSubmissionsOfABranchThatSentTwo() {
        inTheRun((context, run) -> {
            WorkFiles work = WorkFiles.of(runDir);
            // CDCS-001 sends its row again, in a second table
            try (RowWriter rows = work.rowWriter(IngestRecord.Source.TABLE)) {
                rows.write(List.of(new IngestRecord(
                        "tables/gui-lai.csv",
                        "",
                        2,
                        "CDCS-001",
                        true,
                        new Submission("CDCS-001", Map.of(), Map.of(), Map.of()),
                        List.of(),
                        IngestRecord.Source.TABLE,
                        35,
                        0,
                        null)));
            }
            JobExecution duplicates = startStep(context, run, "duplicates");
            assertThat(duplicates.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(work.tally().notSubmitted())
                    .contains(new NotSubmitted(
                            "CDCS-001",
                            work.branchNames().get("CDCS-001"),
                            work.branches().stream()
                                    .filter(b -> b.code().equals("CDCS-001"))
                                    .findFirst()
                                    .orElseThrow()
                                    .bloc(),
                            2));
            // a copy set aside is not scored or read again
            List<String> accepted = new ArrayList<>();
            work.forEachAcceptedSubmission((code, submission) -> accepted.add(code));
            assertThat(accepted).hasSize(53).doesNotContain("CDCS-001");
            assertThat(work.problems())
                    .filteredOn(p -> p.code().equals("CDCS-001"))
                    .anyMatch(p -> p.reason().encode().contains("tables/gui-lai.csv"));
            return null;
        });
    }

    /**
     * A run whose work files are gone (started by an earlier version, or removed) cannot be scored, and says what to
     * do.
     */
    @Test
    @Order(5)
    void scoreWithoutTheWorkFilesFailsSayingToRunTheYearAgain() {
        WorkFiles.of(runDir).delete();
        inTheRun((context, run) -> {
            JobExecution score = startStep(context, run, "score");
            assertThat(score.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(score.getAllFailureExceptions())
                    .singleElement()
                    .satisfies(e ->
                            assertThat(((MessageException) e).problem().code()).isEqualTo("run.work_missing"));
            return null;
        });
    }

    /** Opens the year's job repository and run tables, as a command does, with the completed run's id. */
    private static <T> T inTheRun(BiFunction<ConfigurableApplicationContext, Long, T> work) {
        return RunService.withContext(output, 2025, Speech.NOBODY, context -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobInstance instance =
                    repository.getJobInstances(YearEndJobConfig.JOB, 0, 1).get(0);
            return work.apply(context, instance.getInstanceId());
        });
    }

    /**
     * One step alone, in a job instance of its own, on the tables of run {@code run}, with the parameters the run had.
     */
    private static JobExecution startStep(ConfigurableApplicationContext context, long run, String step) {
        JobRepository repository = context.getBean(JobRepository.class);
        JobParameters recorded = repository
                .getLastJobExecution(
                        repository.getJobInstances(YearEndJobConfig.JOB, 0, 1).get(0))
                .getJobParameters();
        JobParameters parameters = new JobParametersBuilder(recorded)
                .addLong(JobParameterNames.RUN_TABLES, run)
                .addLong("test.start", STARTS.incrementAndGet())
                .toJobParameters();
        JobOperatorTestUtils steps = new JobOperatorTestUtils(context.getBean(JobOperator.class), repository);
        steps.setJob(context.getBean(Job.class));
        // the step bean itself: some are job-scoped, and the job cannot look them up by name outside a run
        return steps.startStep(context.getBean(step + "Step", Step.class), parameters, new ExecutionContext());
    }
}
