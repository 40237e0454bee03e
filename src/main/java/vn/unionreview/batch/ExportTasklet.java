package vn.unionreview.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
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
import vn.unionreview.result.DecisionRow;
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
import vn.unionreview.text.Message;

/**
 * Step 5: the run folder's files from the stored results: CSVs, then per report language the charts
 * (PNG and SVG), the leaders' report (PDF) and the results workbook. Rewrites them whole on a restart.
 */
class ExportTasklet implements Tasklet {

    /** Job context key: the earlier years' results compared with, one "name TAB path TAB sha256" line each. */
    static final String EARLIER = "earlierResults";

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
        ReportSettings settings = inputs.settings().report();
        // the CSVs' reasons are in the run's first language; each report and workbook is in its own
        vn.unionreview.text.Catalogue words = vn.unionreview.text.Catalogue.of(inputs.languages().get(0));
        FeedbackSettings feedback = inputs.settings().feedback();
        List<ResultRow> results = store.results(run).stream().sorted(ResultOrder.byBlocThenRank()).toList();
        List<Problem> problems = store.problems(run);
        List<Problem> rejected = RunOutputs.of(problems, Severity.REJECTED);
        List<Problem> corrections = RunOutputs.of(problems, Severity.CORRECTED, Severity.NOTE);
        List<NotSubmitted> notSubmitted = store.notSubmitted(run);
        RunCounts counts = store.counts(run);
        List<FileReport> files = store.files(run);
        List<PreviousYear> earlier = PreviousYears.find(dir.getParent().getParent(), inputs.year(), inputs.compare());
        // the manifest archives what was compared with, so that a replay compares with the same
        context.getStepContext().getStepExecution().getJobExecution().getExecutionContext().put(EARLIER,
                String.join("\n", earlier.stream().map(e -> e.name() + "\t" + e.file().toAbsolutePath() + "\t" + e.sha256()).toList()));
        RunFacts facts = new RunFacts(inputs.year(), dir.getFileName().toString(),
                inputs.rules().path().getFileName().toString(),
                inputs.rules().sha256(), inputs.inputs().all(), SoftwareVersion.current(), inputs.reportDate(),
                earlier.stream().map(PreviousYear::source).toList());
        // the run's inputs are job-scoped and resolve on this thread only: the second thread is given what it needs of them
        IntegrityScan scan = inputs.integrity().enabled() ? new IntegrityScan(rules, inputs.integrity(), inputs.checks(),
                earlier.stream().filter(e -> e.year() == inputs.year() - 1).findFirst().orElse(null)) : null;
        var integritySettings = inputs.integrity().describe();
        String checksFile = inputs.checks().path() == null ? null : inputs.checks().path().getFileName().toString();
        var checksSha = inputs.checks().sha256();
        String registryFile = inputs.inputs().registry().displayName();
        vn.unionreview.council.CouncilDecisions council = inputs.decisions();
        String meeting = council == null ? "" : council.meetingNumber() + ", "
                + council.meetingDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<DecisionRow> decisions = store.decisions(run);
        int corrected = (int) corrections.stream().filter(p -> p.severity() == Severity.CORRECTED).count();

        // The second thread first works out the statistics and the integrity signals, in one read of the
        // submissions, while this thread writes the workbooks' big sheets (ranking, detail), which need
        // neither; then it writes the CSVs, each language's report, and its share of the letters. This
        // thread then draws the chart files and takes its share of the letters. Each thread has its own
        // labels, fonts and chart objects (JFreeChart's are not thread-safe); the data they share is read-only.
        ExecutorService background = Executors.newSingleThreadExecutor(vn.unionreview.audit.RunLog.threads("union-review-export"));
        try {
            Future<Findings> findings = background.submit(() -> {
                Map<String, ScoredSource> sources = store.scoredSources(run);
                YearStatistics stats = statistics(run, rules, results, earlier, scan, sources);
                IntegrityFindings integrity = scan == null ? IntegrityFindings.DISABLED
                        : new IntegrityFindings(true, scan.finish(), integritySettings, checksFile, checksSha);
                ReportData data = new ReportData(rules, facts, results, stats, counts, notSubmitted, rejected, corrected, meeting, decisions,
                        integrity);
                FeedbackLetterWriter.Queue letters = feedback.enabled() ? new FeedbackLetterWriter.Queue(FeedbackLetters.of(store.branches(run),
                        problems, files, results, notSubmitted.stream().map(NotSubmitted::code).collect(java.util.stream.Collectors.toSet()),
                        registryFile, integrity.signals(), sources)) : null;
                return new Findings(data, letters);
            });
            // the second thread's own fonts, loaded after the findings, which this thread waits for
            Future<ReportFonts> backgroundFonts = background.submit(() -> ReportFonts.load(settings.fontDir()));
            List<Future<?>> pending = new ArrayList<>();
            pending.add(background.submit(() -> {
                RunOutputs.writeResults(dir.resolve("results.csv"), rules, results);
                RunOutputs.writeProblems(dir.resolve("rejected.csv"), rejected, words);
                RunOutputs.writeProblems(dir.resolve("corrections.csv"), corrections, words);
                RunOutputs.writeNotSubmitted(dir.resolve("not-submitted.csv"), notSubmitted, words);
                RunOutputs.writeFiles(dir.resolve("files.csv"), files, words);
                AtomicFiles.write(dir.resolve("summary.txt"), out -> out.write((String.join("\n", counts.describe(rules).stream().map(words::render).toList()) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                if (scan != null) {
                    RunOutputs.writeSignals(dir.resolve("integrity.csv"), await(findings).data().integrity().signals());
                }
                return null;
            }));
            for (String lang : inputs.languages()) {
                pending.add(background.submit(() -> writeReport(await(findings).data(), settings, await(backgroundFonts), lang, dir)));
            }
            LocalDate reportDate = inputs.reportDate();
            if (feedback.enabled()) {
                pending.add(background.submit(() -> {
                    letterWriter(rules, settings, feedback, reportDate, await(backgroundFonts), dir).writeFrom(dir, await(findings).letters());
                    return null;
                }));
            }
            for (String lang : inputs.languages()) {
                new ResultsWorkbook(rules, results, new Labels(lang)).write(dir.resolve("results" + suffix(lang) + ".xlsx"),
                        action -> store.forEachScoredSubmission(run, action), scan != null, () -> ready(findings).data());
            }
            Findings done = await(findings);
            ReportFonts fonts = ReportFonts.load(settings.fontDir()); // this thread's own
            for (String lang : inputs.languages()) {
                writeChartFiles(done.data(), fonts, lang, dir);
            }
            if (feedback.enabled()) {
                // this thread's workbooks and charts are written: it takes its share of the letters
                letterWriter(rules, settings, feedback, reportDate, fonts, dir).writeFrom(dir, done.letters());
            }
            for (Future<?> task : pending) {
                await(task);
            }
            if (feedback.enabled()) {
                FeedbackLetterWriter.writeIndex(dir, done.letters());
            }
            Steps.summary(context, Message.of("progress.exported", "files", written(done, inputs.languages())));
        } finally {
            background.shutdownNow();
        }
        return RepeatStatus.FINISHED;
    }

    /** What the report, the letters and the workbook's last sheets need, worked out on the second thread. */
    private record Findings(ReportData data, FeedbackLetterWriter.Queue letters) {
    }

    /** The files written, as the console's summary line names them: a file's name, or a message naming it with what it holds. */
    private static List<Object> written(Findings findings, List<String> languages) {
        List<Object> written = new ArrayList<>(List.of("results.csv", "rejected.csv", "corrections.csv", "not-submitted.csv",
                "files.csv", "summary.txt"));
        IntegrityFindings integrity = findings.data().integrity();
        if (integrity.enabled()) {
            written.add(Message.of("progress.file_signals", "file", "integrity.csv", "signals", integrity.signals().size()));
        }
        if (findings.letters() != null) {
            written.add(Message.of("progress.file_letters", "folder", FeedbackLetterWriter.FOLDER + "/", "letters", findings.letters().size()));
        }
        for (String lang : languages) {
            written.addAll(List.of("charts" + suffix(lang) + "/", "report" + suffix(lang) + ".pdf", "results" + suffix(lang) + ".xlsx"));
        }
        return written;
    }

    private static String suffix(String lang) {
        return lang.equals("vi") ? "" : "-" + lang;
    }

    /** The year's statistics, and the integrity signals when {@code scan} is given, from one read of the scored submissions. */
    private YearStatistics statistics(long run, RuleSet rules, List<ResultRow> results, List<PreviousYear> earlier, IntegrityScan scan,
                                      Map<String, ScoredSource> sources) {
        Map<String, ResultRow> byCode = new HashMap<>();
        results.forEach(r -> byCode.put(r.code(), r));
        StatisticsBuilder builder = new StatisticsBuilder(rules);
        store.forEachScoredSubmission(run, (code, submission) -> {
            ResultRow r = byCode.get(code);
            builder.accept(new StatisticsBuilder.Scored(r.code(), r.name(), r.bloc(), r.total(), r.tier(), r.loweredByCaps(rules),
                    r.demoted(), r.inflation()), submission);
            if (scan != null) {
                ScoredSource source = sources.get(code);
                scan.accept(new IntegrityScan.Scanned(code, r.name(), r.bloc(), submission, r.total(), r.inflation(),
                        source == null ? null : source.form()));
            }
        });
        return builder.build(earlier);
    }

    private static FeedbackLetterWriter letterWriter(RuleSet rules, ReportSettings settings, FeedbackSettings feedback, LocalDate reportDate,
                                                     ReportFonts fonts, Path dir) {
        return new FeedbackLetterWriter(rules, settings, feedback, fonts, reportDate, dir.getFileName().toString());
    }

    /** One language's leaders' report, which draws the charts as vectors. */
    private static Void writeReport(ReportData data, ReportSettings settings, ReportFonts fonts, String lang, Path dir) throws IOException {
        Labels labels = new Labels(lang);
        List<Charts.Chart> charts = new Charts(data.rules(), labels, fonts).build(data.stats());
        AtomicFiles.write(dir.resolve("report" + suffix(lang) + ".pdf"), out -> new LeadersReport(data, settings, labels, fonts, charts).write(out));
        return null;
    }

    /** One language's chart files, PNG and SVG, for leaders to use elsewhere: the same charts as the report's. */
    private static void writeChartFiles(ReportData data, ReportFonts fonts, String lang, Path dir) throws IOException {
        for (Charts.Chart chart : new Charts(data.rules(), new Labels(lang), fonts).build(data.stats())) {
            Charts.write(chart, dir.resolve("charts" + suffix(lang)));
        }
    }

    private static <T> T await(Future<T> task) throws IOException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("an output could not be written: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** {@link #await}, for a caller that cannot throw: a disk's fault stays an I/O error. */
    private static <T> T ready(Future<T> task) {
        try {
            return await(task);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the statistics were worked out", e);
        }
    }
}
