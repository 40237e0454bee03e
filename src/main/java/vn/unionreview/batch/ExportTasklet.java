package vn.unionreview.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.SoftwareVersion;
import vn.unionreview.files.AtomicFiles;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.integrity.IntegrityScan;
import vn.unionreview.report.Charts;
import vn.unionreview.report.FeedbackLetterWriter;
import vn.unionreview.report.FeedbackLetters;
import vn.unionreview.report.FeedbackSettings;
import vn.unionreview.report.IntegrityFindings;
import vn.unionreview.report.Labels;
import vn.unionreview.report.LeadersReport;
import vn.unionreview.report.ReportData;
import vn.unionreview.report.ReportFonts;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.report.ResultOrder;
import vn.unionreview.report.ResultsWorkbook;
import vn.unionreview.report.RunFacts;
import vn.unionreview.report.RunOutputs;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.stats.PreviousYear;
import vn.unionreview.stats.PreviousYears;
import vn.unionreview.stats.StatisticsBuilder;
import vn.unionreview.stats.YearStatistics;

/**
 * Step 5: the run folder's files from the stored results: CSVs, then per report language the charts
 * (PNG and SVG), the leaders' report (PDF) and the results workbook. Rewrites them whole on a restart.
 */
class ExportTasklet implements Tasklet {

    /** Job context key: the earlier years' results compared with, one "name TAB path TAB sha256" line each. */
    static final String EARLIER = "earlierResults";

    private final RunStore store;
    private final RunInputs inputs;
    private final ReportSettings settings;
    private final FeedbackSettings feedback;

    ExportTasklet(RunStore store, RunInputs inputs, ReportSettings settings, FeedbackSettings feedback) {
        this.store = store;
        this.inputs = inputs;
        this.settings = settings;
        this.feedback = feedback;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
        long run = Steps.runId(context);
        RuleSet rules = inputs.rules().rules();
        Path dir = inputs.runDir();
        List<ResultRow> results = store.results(run).stream().sorted(ResultOrder.byBlocThenRank()).toList();
        List<Problem> problems = store.problems(run);
        List<Problem> rejected = RunOutputs.of(problems, Severity.REJECTED);
        List<Problem> corrections = RunOutputs.of(problems, Severity.CORRECTED, Severity.NOTE);
        List<NotSubmitted> notSubmitted = store.notSubmitted(run);
        RunCounts counts = store.counts(run);
        List<FileReport> files = store.files(run);

        // What needs no database is written on a second thread — the CSVs, then each language's chart
        // files and PDF — while this thread streams the submissions into the statistics and the
        // workbooks. Each thread has its own labels; the chart objects (JFreeChart's are not
        // thread-safe) stay on the second thread; the data they share is read-only.
        ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "union-review-export"));
        try {
            List<Future<?>> pending = new ArrayList<>();
            pending.add(background.submit(() -> {
                RunOutputs.writeResults(dir.resolve("results.csv"), rules, results);
                RunOutputs.writeProblems(dir.resolve("rejected.csv"), rejected);
                RunOutputs.writeProblems(dir.resolve("corrections.csv"), corrections);
                RunOutputs.writeNotSubmitted(dir.resolve("not-submitted.csv"), notSubmitted);
                RunOutputs.writeFiles(dir.resolve("files.csv"), files);
                AtomicFiles.write(dir.resolve("summary.txt"), out -> out.write((String.join("\n", counts.describe(rules)) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                return null;
            }));
            List<String> written = new ArrayList<>(List.of("results.csv", "rejected.csv", "corrections.csv", "not-submitted.csv",
                    "files.csv", "summary.txt"));
            ReportFonts fonts = ReportFonts.load(settings.fontDir());
            List<PreviousYear> earlier = PreviousYears.find(dir.getParent().getParent(), inputs.year(), inputs.compare());
            // the manifest archives what was compared with, so that a replay compares with the same
            context.getStepContext().getStepExecution().getJobExecution().getExecutionContext().put(EARLIER,
                    String.join("\n", earlier.stream().map(e -> e.name() + "\t" + e.file().toAbsolutePath() + "\t" + e.sha256()).toList()));
            Map<String, ScoredSource> sources = store.scoredSources(run);
            IntegrityScan scan = inputs.integrity().enabled() ? new IntegrityScan(rules, inputs.integrity(), inputs.checks(),
                    earlier.stream().filter(e -> e.year() == inputs.year() - 1).findFirst().orElse(null)) : null;
            YearStatistics stats = statistics(run, rules, results, earlier, scan, sources);
            IntegrityFindings integrity = scan == null ? IntegrityFindings.DISABLED : new IntegrityFindings(true, scan.finish(),
                    inputs.integrity().describe(), inputs.checks().path() == null ? null : inputs.checks().path().getFileName().toString(),
                    inputs.checks().sha256());
            if (integrity.enabled()) {
                pending.add(background.submit(() -> {
                    RunOutputs.writeSignals(dir.resolve("integrity.csv"), integrity.signals());
                    return null;
                }));
                written.add("integrity.csv (" + integrity.signals().size() + (integrity.signals().size() == 1 ? " signal)" : " signals)"));
            }
            FeedbackLetterWriter.Queue letters = feedback.enabled() ? new FeedbackLetterWriter.Queue(FeedbackLetters.of(store.branches(run),
                    problems, files, results, notSubmitted.stream().map(NotSubmitted::code).collect(java.util.stream.Collectors.toSet()),
                    inputs.inputs().registry().displayName(), integrity.signals(), sources)) : null;
            if (letters != null) {
                written.add(FeedbackLetterWriter.FOLDER + "/ (" + letters.size() + " letter" + (letters.size() == 1 ? "" : "s") + ")");
            }
            RunFacts facts = new RunFacts(inputs.year(), dir.getFileName().toString(),
                    context.getStepContext().getStepExecution().getJobExecution().getId(), displayPath(inputs.rules().path()),
                    inputs.rules().sha256(), inputs.inputs().all(), SoftwareVersion.current(), inputs.reportDate(),
                    earlier.stream().map(PreviousYear::source).toList());
            vn.unionreview.council.CouncilDecisions council = inputs.decisions();
            String meeting = council == null ? "" : council.meetingNumber() + ", "
                    + council.meetingDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            ReportData data = new ReportData(rules, facts, results, stats, counts, notSubmitted, rejected,
                    (int) corrections.stream().filter(p -> p.severity() == Severity.CORRECTED).count(), meeting, store.decisions(run), integrity);
            for (String lang : inputs.languages()) {
                String suffix = lang.equals("vi") ? "" : "-" + lang;
                pending.add(background.submit(() -> writeChartsAndReport(data, fonts, lang, dir, suffix)));
            }
            if (letters != null) {
                FeedbackLetterWriter writer = letterWriter(fonts, dir); // made here: the run's inputs are job-scoped, this thread's
                pending.add(background.submit(() -> {
                    writer.writeFrom(dir, letters);
                    return null;
                }));
            }
            for (String lang : inputs.languages()) {
                String suffix = lang.equals("vi") ? "" : "-" + lang;
                new ResultsWorkbook(data, new Labels(lang)).write(dir.resolve("results" + suffix + ".xlsx"),
                        action -> store.forEachScoredSubmission(run, action));
                written.addAll(List.of("charts" + suffix + "/", "report" + suffix + ".pdf", "results" + suffix + ".xlsx"));
            }
            if (letters != null) {
                // this thread's workbooks are written: it takes its share of the letters, with fonts of its own
                letterWriter(ReportFonts.load(settings.fontDir()), dir).writeFrom(dir, letters);
            }
            for (Future<?> task : pending) {
                await(task);
            }
            if (letters != null) {
                FeedbackLetterWriter.writeIndex(dir, letters);
            }
            Steps.summary(context, "wrote " + String.join(", ", written));
        } finally {
            background.shutdownNow();
        }
        return RepeatStatus.FINISHED;
    }

    /** The year's statistics, and the integrity signals when {@code scan} is given, from one read of the scored submissions. */
    private YearStatistics statistics(long run, RuleSet rules, List<ResultRow> results, List<PreviousYear> earlier, IntegrityScan scan,
                                      Map<String, ScoredSource> sources) {
        Map<String, ResultRow> byCode = new HashMap<>();
        results.forEach(r -> byCode.put(r.code(), r));
        StatisticsBuilder builder = new StatisticsBuilder(rules);
        store.forEachScoredSubmission(run, (code, submission) -> {
            ResultRow r = byCode.get(code);
            int before = rules.tierIndex(r.tierBeforeCaps());
            int afterCaps = rules.tierIndex(r.tier()) - (r.demoted() ? 1 : 0);
            builder.accept(new StatisticsBuilder.Scored(r.code(), r.name(), r.bloc(), r.total(), r.tier(), afterCaps > before,
                    r.demoted(), r.inflation()), submission);
            if (scan != null) {
                ScoredSource source = sources.get(code);
                scan.accept(new IntegrityScan.Scanned(code, r.name(), r.bloc(), submission, r.total(), r.inflation(),
                        source == null ? null : source.form()));
            }
        });
        return builder.build(earlier);
    }

    private FeedbackLetterWriter letterWriter(ReportFonts fonts, Path dir) {
        return new FeedbackLetterWriter(inputs.rules().rules(), settings, feedback, fonts, inputs.reportDate(), dir.getFileName().toString());
    }

    /** One language's chart files (PNG and SVG) and leaders' report, which draws the same charts again as vectors. */
    private Void writeChartsAndReport(ReportData data, ReportFonts fonts, String lang, Path dir, String suffix) throws IOException {
        Labels labels = new Labels(lang);
        List<Charts.Chart> charts = new Charts(data.rules(), labels, fonts).build(data.stats());
        for (Charts.Chart chart : charts) {
            Charts.write(chart, dir.resolve("charts" + suffix));
        }
        AtomicFiles.write(dir.resolve("report" + suffix + ".pdf"), out -> new LeadersReport(data, settings, labels, fonts, charts).write(out));
        return null;
    }

    private static void await(Future<?> task) throws IOException, InterruptedException {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("an output could not be written: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The rule file as the user knows it: relative to the working folder when inside it. */
    private static String displayPath(Path rules) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = rules.toAbsolutePath().normalize();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
