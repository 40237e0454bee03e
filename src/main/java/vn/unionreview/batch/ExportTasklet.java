package vn.unionreview.batch;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.report.AtomicFiles;
import vn.unionreview.report.ResultOrder;
import vn.unionreview.report.ResultsWorkbook;
import vn.unionreview.report.RunOutputs;
import vn.unionreview.rules.RuleSet;

/** Step 5: the run folder's files, from the stored results and problems. Rewrites them whole on a restart. */
class ExportTasklet implements Tasklet {

    static final List<String> FILES = List.of("results.csv", "results.xlsx", "rejected.csv", "corrections.csv", "not-submitted.csv", "summary.txt");

    private final RunStore store;
    private final RunInputs inputs;

    ExportTasklet(RunStore store, RunInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        long run = Steps.runId(context);
        RuleSet rules = inputs.rules().rules();
        Path dir = inputs.runDir();
        List<ResultRow> results = store.results(run).stream().sorted(ResultOrder.byBlocThenRank()).toList();
        List<Problem> problems = store.problems(run);
        List<Problem> rejected = RunOutputs.of(problems, Severity.REJECTED);
        List<NotSubmitted> notSubmitted = store.notSubmitted(run);

        RunOutputs.writeResults(dir.resolve("results.csv"), rules, results);
        RunOutputs.writeProblems(dir.resolve("rejected.csv"), rejected);
        RunOutputs.writeProblems(dir.resolve("corrections.csv"), RunOutputs.of(problems, Severity.CORRECTED, Severity.NOTE));
        RunOutputs.writeNotSubmitted(dir.resolve("not-submitted.csv"), notSubmitted);
        ResultsWorkbook.write(dir.resolve("results.xlsx"), rules, results, rejected, notSubmitted);
        List<String> summary = store.counts(run).describe(rules);
        AtomicFiles.write(dir.resolve("summary.txt"), out -> out.write((String.join("\n", summary) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Steps.summary(context, "wrote " + String.join(", ", FILES));
        return RepeatStatus.FINISHED;
    }
}
