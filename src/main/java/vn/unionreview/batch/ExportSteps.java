package vn.unionreview.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;

import vn.unionreview.SoftwareVersion;
import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.files.AtomicFiles;
import vn.unionreview.ingest.Severity;
import vn.unionreview.integrity.IntegrityScan;
import vn.unionreview.integrity.Signal;
import vn.unionreview.report.Charts;
import vn.unionreview.report.CsvOutputs;
import vn.unionreview.report.FeedbackLetterWriter;
import vn.unionreview.report.FeedbackLetters;
import vn.unionreview.report.IntegrityFindings;
import vn.unionreview.report.Labels;
import vn.unionreview.report.LeadersReport;
import vn.unionreview.report.ReportData;
import vn.unionreview.report.ReportFonts;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.report.ResultsWorkbook;
import vn.unionreview.report.ReturnLetterWriter;
import vn.unionreview.report.RunFacts;
import vn.unionreview.result.DecisionRow;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.rules.FactChecks;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.tables.RunTables;
import vn.unionreview.run.workfiles.Tally;
import vn.unionreview.run.workfiles.WorkFiles;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.Rating;
import vn.unionreview.scoring.Submission;
import vn.unionreview.stats.PreviousYear;
import vn.unionreview.stats.PreviousYears;
import vn.unionreview.stats.StatisticsBuilder;
import vn.unionreview.stats.UnitFigures;
import vn.unionreview.stats.YearStatistics;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;
import vn.unionreview.units.UnitsCsv;

/**
 * The export's steps ({@link ExportFlowConfig} wires each method as a step): each writes some of the run folder's files
 * from the stored results, whole, again on a restart. Each step has its own labels, fonts and chart objects (OpenPDF's
 * and JFreeChart's are not shared across threads); what they share is read-only, in {@link ExportWork}.
 */
final class ExportSteps {

    /** Job context key: the earlier years' results compared with, one "name TAB path TAB sha256" line each. */
    static final String EARLIER = "earlierResults";

    /** One step's work; the step is done when it returns. */
    @FunctionalInterface
    interface Part {
        void run(ChunkContext context) throws IOException;
    }

    private final RunTables store;
    private final RunInputs inputs;
    private final ExportWork work;

    ExportSteps(RunTables store, RunInputs inputs, ExportWork work) {
        this.store = store;
        this.inputs = inputs;
        this.work = work;
    }

    /** What the steps before read: the registry, rows and files (the results and problems are the store's). */
    private WorkFiles workFiles() {
        return WorkFiles.of(inputs.runDir());
    }

    /** Code → the codes each branch continues (the registry's predecessors), for those that say. */
    private Map<String, List<String>> lineage() {
        Map<String, List<String>> lineage = new HashMap<>();
        workFiles().branches().stream()
                .filter(b -> !b.history().predecessors().isEmpty())
                .forEach(b -> lineage.put(b.code(), b.history().predecessors()));
        return lineage;
    }

    /** The branches a letter may be written to: every registry branch but those dissolved, out of the year. */
    private List<Branch> lettersTo() {
        return workFiles().registered().stream()
                .filter(r -> r.verdict().status() != Rating.Status.DISSOLVED)
                .map(WorkFiles.Registered::branch)
                .toList();
    }

    /**
     * The accepted submissions of the branches scored, in code order: a branch not rated in the year was read and
     * checked, but is in no statistic or sheet of results.
     */
    private void forEachScoredSubmission(BiConsumer<String, Submission> action) {
        Set<String> scored = new HashSet<>();
        work.stored().results().forEach(r -> scored.add(r.code()));
        workFiles().forEachAcceptedSubmission((code, submission) -> {
            if (scored.contains(code)) {
                action.accept(code, submission);
            }
        });
    }

    /** Reads the run's stored outcome once for every other step, and notes the earlier years compared with. */
    void gather(ChunkContext context) {
        long run = Steps.runId(context);
        Path dir = inputs.runDir();
        List<PreviousYear> earlier = PreviousYears.find(dir.getParent().getParent(), inputs.year(), inputs.compare());
        // the manifest archives what was compared with, so that a replay compares with the same
        context.getStepContext()
                .getStepExecution()
                .getJobExecution()
                .getExecutionContext()
                .put(
                        EARLIER,
                        String.join(
                                "\n",
                                earlier.stream()
                                        .map(e -> e.name() + "\t" + e.file().toAbsolutePath() + "\t" + e.sha256())
                                        .toList()));
        Map<String, List<String>> lineage = lineage();
        // each kind is scanned apart: its branches are compared with one another, on its own criteria
        Map<String, IntegrityScan> scans = new LinkedHashMap<>();
        if (inputs.integrity().enabled()) {
            PreviousYear previous = earlier.stream()
                    .filter(e -> e.year() == inputs.year() - 1)
                    .findFirst()
                    .orElse(null);
            for (RuleSet kind : inputs.rules().sets()) {
                scans.put(
                        kind.kindId(),
                        new IntegrityScan(
                                kind, inputs.integrity(), inputs.rules().checksFor(kind.kindId()), previous, lineage));
            }
        }
        List<ResultRow> results = workFiles().resultRows();
        Tally tally = workFiles().tally();
        List<NotSubmitted> notSubmitted = tally.notSubmitted();
        work.store(new ExportWork.Stored(
                run,
                ExportWork.inOrder(results),
                workFiles().problemsInOrder(),
                notSubmitted,
                tally.notRated(),
                tally.dissolved(),
                store.keptCounts(run).withTiersOf(results).withUnreadableOf(notSubmitted),
                tally.files(),
                earlier,
                lineage,
                scans));
    }

    /**
     * The year's statistics and the integrity signals, from one read of the scored submissions, then the report's data
     * and the letters: while the other thread writes the workbooks' big sheets, which need none of them.
     */
    void findings(ChunkContext context) {
        try {
            work.found(findings(work.stored()));
        } catch (RuntimeException | Error e) {
            work.notFound(e);
            throw e;
        }
    }

    private ExportWork.Findings findings(ExportWork.Stored stored) {
        Map<String, ScoredSource> sources = workFiles().tally().acceptedSources();
        Map<String, YearStatistics> stats = statistics(stored, sources);
        CouncilDecisions council = inputs.decisions();
        String meeting = council == null
                ? ""
                : council.meetingNumber() + ", "
                        + council.meetingDate().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        RunFacts facts = new RunFacts(
                inputs.year(),
                inputs.runDir().getFileName().toString(),
                inputs.rules().path().getFileName().toString(),
                inputs.rules().sha256(),
                inputs.inputs().all(),
                SoftwareVersion.current(),
                inputs.reportDate(),
                stored.earlier().stream().map(PreviousYear::source).toList());
        int corrected = (int) stored.corrections().stream()
                .filter(p -> p.severity() == Severity.CORRECTED)
                .count();
        List<DecisionRow> decisions = store.decisions(stored.run());
        List<ReportData> parts = new ArrayList<>();
        List<UnitFigures.Listed> units = listedUnits();
        for (RuleSet kind : inputs.rules().sets()) {
            String id = kind.kindId();
            List<ResultRow> results =
                    stored.results().stream().filter(r -> r.kind().equals(id)).toList();
            parts.add(new ReportData(
                    kind,
                    facts,
                    results,
                    stats.get(id),
                    stored.counts(),
                    stored.notSubmitted(),
                    stored.notRated(),
                    stored.dissolved(),
                    stored.rejected(),
                    corrected,
                    meeting,
                    decisions,
                    integrity(stored.scans().get(id), inputs.rules().checksFor(id)),
                    units == null ? null : UnitFigures.picture(kind, results, units)));
        }
        ExportWork.Findings found = new ExportWork.Findings(parts, null);
        FeedbackLetterWriter.Queue letters = inputs.settings().feedback().enabled()
                ? new FeedbackLetterWriter.Queue(FeedbackLetters.of(
                        lettersTo(),
                        stored.problems(),
                        stored.files(),
                        stored.results(),
                        stored.notSubmitted().stream().map(NotSubmitted::code).collect(Collectors.toSet()),
                        inputs.inputs().registry() == null
                                ? ""
                                : inputs.inputs().registry().displayName(),
                        found.signals(),
                        sources))
                : null;
        return new ExportWork.Findings(parts, letters);
    }

    private static StatisticsBuilder.Scored scored(ResultRow r, RuleSet rules) {
        return new StatisticsBuilder.Scored(
                r.code(), r.name(), r.bloc(), r.total(), r.tier(), r.loweredByCaps(rules), r.demoted(), r.inflation());
    }

    /** A province's units as the registry step listed them in units.csv; null for a run without units. */
    private List<UnitFigures.Listed> listedUnits() {
        if (inputs.inputs().unitsList() == null) {
            return null;
        }
        try {
            List<UnitsCsv.Line> lines = UnitsCsv.read(RunFile.UNITS.in(inputs.runDir()));
            // the reasons as messages, for each report's language; units.csv has them in the run's first
            List<Message> reasons = workFiles().unitReasons();
            List<UnitFigures.Listed> listed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                UnitsCsv.Line u = lines.get(i);
                listed.add(new UnitFigures.Listed(
                        u.code(), u.name(), u.state(), reasons.get(i), u.decision(), u.decisionDate()));
            }
            return listed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a kind's scan found, or that the run did not look (null scan). */
    private IntegrityFindings integrity(IntegrityScan scan, FactChecks checks) {
        return scan == null
                ? IntegrityFindings.DISABLED
                : new IntegrityFindings(
                        true,
                        scan.finish(),
                        inputs.integrity().describe(),
                        checks.path() == null
                                ? null
                                : checks.path().getFileName().toString(),
                        checks.sha256());
    }

    /** Each kind's statistics (by kind id), and its integrity scan fed, in one pass over the scored submissions. */
    private Map<String, YearStatistics> statistics(ExportWork.Stored stored, Map<String, ScoredSource> sources) {
        Map<String, ResultRow> byCode = new HashMap<>();
        stored.results().forEach(r -> byCode.put(r.code(), r));
        Map<String, RuleSet> kinds = new HashMap<>();
        Map<String, StatisticsBuilder> builders = new LinkedHashMap<>();
        for (RuleSet kind : inputs.rules().sets()) {
            kinds.put(kind.kindId(), kind);
            builders.put(kind.kindId(), new StatisticsBuilder(kind));
        }
        forEachScoredSubmission((code, submission) -> {
            ResultRow r = byCode.get(code);
            builders.get(r.kind()).accept(scored(r, kinds.get(r.kind())), submission);
            IntegrityScan scan = stored.scans().get(r.kind());
            if (scan != null) {
                ScoredSource source = sources.get(code);
                scan.accept(new IntegrityScan.Scanned(
                        code,
                        r.name(),
                        r.bloc(),
                        submission,
                        r.total(),
                        r.inflation(),
                        source == null ? null : source.form()));
            }
        });
        // a province's units' branches have no submissions here: their results are counted as the units decided them
        stored.results().stream()
                .filter(ResultRow::fromUnit)
                .forEach(r -> builders.get(r.kind()).acceptFromUnit(scored(r, kinds.get(r.kind()))));
        Map<String, YearStatistics> stats = new HashMap<>();
        builders.forEach((kind, builder) -> stats.put(kind, builder.build(stored.earlier(), stored.lineage())));
        return stats;
    }

    /**
     * Per report language, results.xlsx: its ranking and detail sheets first; its last sheets wait for the findings.
     */
    void workbooks(ChunkContext context) throws IOException {
        ExportWork.Stored stored = work.stored();
        for (String lang : inputs.languages()) {
            new ResultsWorkbook(inputs.rules().sets(), stored.results(), new Labels(lang))
                    .write(
                            RunFile.WORKBOOK.in(inputs.runDir(), lang),
                            this::forEachScoredSubmission,
                            stored.scanned(),
                            inputs.inputs().unitsList() != null,
                            () -> work.findings().parts());
            work.wrote(RunFile.WORKBOOK, lang);
        }
    }

    /**
     * Per report language, the chart files (PNG and SVG) for leaders to use elsewhere: the same charts as the report's.
     */
    void chartFiles(ChunkContext context) throws IOException {
        ReportFonts fonts = ReportFonts.load(inputs.settings().report().fontDir());
        for (String lang : inputs.languages()) {
            for (ReportData data : work.findings().parts()) {
                for (Charts.Chart chart : new Charts(data.rules(), new Labels(lang), fonts).build(data.stats())) {
                    Charts.write(chart, RunFile.CHARTS.in(inputs.runDir(), lang));
                }
            }
            work.wrote(RunFile.CHARTS, lang);
        }
    }

    /** The CSVs and summary.txt, their reasons in the run's first language. */
    void tables(ChunkContext context) throws IOException {
        ExportWork.Stored stored = work.stored();
        RuleBook rules = inputs.rules();
        Path dir = inputs.runDir();
        Catalogue words = Catalogue.of(inputs.languages().get(0));
        CsvOutputs.writeResults(
                RunFile.RESULTS.in(dir),
                rules,
                stored.results(),
                inputs.inputs().unitsList() != null);
        work.wrote(RunFile.RESULTS);
        CsvOutputs.writeProblems(RunFile.REJECTED.in(dir), stored.rejected(), words);
        work.wrote(RunFile.REJECTED);
        CsvOutputs.writeProblems(RunFile.CORRECTIONS.in(dir), stored.corrections(), words);
        work.wrote(RunFile.CORRECTIONS);
        CsvOutputs.writeNotSubmitted(RunFile.NOT_SUBMITTED.in(dir), stored.notSubmitted(), words);
        work.wrote(RunFile.NOT_SUBMITTED);
        if (rules.listsOutOfRating()) {
            CsvOutputs.writeNotRated(RunFile.NOT_RATED.in(dir), stored.notRated(), words);
            work.wrote(RunFile.NOT_RATED);
            CsvOutputs.writeNotRated(RunFile.DISSOLVED.in(dir), stored.dissolved(), words);
            work.wrote(RunFile.DISSOLVED);
        }
        CsvOutputs.writeFiles(RunFile.FILES.in(dir), stored.files(), words);
        work.wrote(RunFile.FILES);
        List<Message> summary = new ArrayList<>(stored.counts().describe(rules));
        if (inputs.inputs().unitsList() != null) {
            summary.add(UnitsCsv.summary(UnitsCsv.read(RunFile.UNITS.in(dir))));
        }
        AtomicFiles.write(
                RunFile.SUMMARY.in(dir),
                out -> out.write(
                        (String.join("\n", summary.stream().map(words::render).toList()) + "\n")
                                .getBytes(StandardCharsets.UTF_8)));
        work.wrote(RunFile.SUMMARY);
        if (stored.scanned()) {
            List<Signal> signals = work.findings().signals();
            CsvOutputs.writeSignals(RunFile.INTEGRITY.in(dir), signals);
            work.wrote(
                    RunFile.INTEGRITY,
                    Message.of(
                            "progress.file_signals", "file", RunFile.INTEGRITY.fileName(), "signals", signals.size()));
        }
    }

    /** Per report language, the leaders' report (PDF), which draws the charts as vectors. */
    void reports(ChunkContext context) throws IOException {
        ReportSettings settings = inputs.settings().report();
        ReportFonts fonts = ReportFonts.load(settings.fontDir());
        for (String lang : inputs.languages()) {
            Labels labels = new Labels(lang);
            List<LeadersReport.Part> parts = work.findings().parts().stream()
                    .map(data ->
                            new LeadersReport.Part(data, new Charts(data.rules(), labels, fonts).build(data.stats())))
                    .toList();
            AtomicFiles.write(
                    RunFile.REPORT.in(inputs.runDir(), lang),
                    out -> new LeadersReport(parts, settings, labels, fonts).write(out));
            work.wrote(RunFile.REPORT, lang);
        }
        returnLetters(settings, fonts);
    }

    /** A province's letters to the units whose results its council returned, from the run's units.csv. */
    private void returnLetters(ReportSettings settings, ReportFonts fonts) throws IOException {
        CouncilDecisions council = inputs.decisions();
        if (council == null || council.returns().isEmpty() || inputs.inputs().unitsList() == null) {
            return;
        }
        Map<String, String> reasons = new HashMap<>();
        council.returns().forEach(r -> reasons.put(r.unit(), r.reason()));
        List<ReturnLetterWriter.Returned> returned = UnitsCsv.read(RunFile.UNITS.in(inputs.runDir())).stream()
                .filter(UnitsCsv.Line::returned)
                .map(u -> new ReturnLetterWriter.Returned(
                        u.code(), u.name(), u.bundle(), u.decision(), u.decisionDate(), reasons.get(u.code())))
                .toList();
        if (returned.isEmpty()) {
            return;
        }
        new ReturnLetterWriter(
                        inputs.rules().first(),
                        settings,
                        inputs.settings().feedback(),
                        fonts,
                        inputs.reportDate(),
                        inputs.runDir().getFileName().toString())
                .write(inputs.runDir(), returned, council.meetingNumber(), council.meetingDate());
        work.wrote(
                RunFile.RETURNS,
                Message.of("progress.file_returns", "folder", RunFile.RETURNS.fileName(), "letters", returned.size()));
    }

    /**
     * One of the letter writers the letters step runs side by side: letters from the shared queue until none is left.
     */
    void letters(ChunkContext context) throws IOException {
        FeedbackLetterWriter.Queue letters = work.findings().letters();
        if (letters != null) {
            ReportSettings settings = inputs.settings().report();
            new FeedbackLetterWriter(
                            inputs.rules().sets(),
                            settings,
                            inputs.settings().feedback(),
                            ReportFonts.load(settings.fontDir()),
                            inputs.reportDate(),
                            inputs.runDir().getFileName().toString(),
                            RunKind.ofParameter((String) context.getStepContext()
                                            .getJobParameters()
                                            .get(JobParameterNames.KIND))
                                    == RunKind.FINAL)
                    .writeFrom(inputs.runDir(), letters);
        }
    }

    /** feedback/index.csv, once every letter is written. */
    void letterIndex(ChunkContext context) throws IOException {
        FeedbackLetterWriter.Queue letters = work.findings().letters();
        if (letters != null) {
            FeedbackLetterWriter.writeIndex(inputs.runDir(), letters);
            work.wrote(
                    RunFile.LETTERS,
                    Message.of(
                            "progress.file_letters", "folder", RunFile.LETTERS.fileName(), "letters", letters.size()));
        }
    }
}
