package vn.unionreview.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.integrity.IntegrityScan;
import vn.unionreview.integrity.Signal;
import vn.unionreview.report.CsvOutputs;
import vn.unionreview.report.FeedbackLetterWriter;
import vn.unionreview.report.ReportData;
import vn.unionreview.report.ResultOrder;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotRated;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.run.RunFile;
import vn.unionreview.stats.PreviousYear;
import vn.unionreview.text.Message;

/**
 * What the export's steps share in one execution of a run: the stored results and problems, read once by the first
 * step, and the findings (statistics, integrity signals, the report's data, the letters), worked out by one step of the
 * split while the other writes the workbook's big sheets, which need none of them. Job-scoped: a restarted export reads
 * everything again and writes every file again.
 */
class ExportWork {

    /** The run's stored outcome, as the export's files need it; read before the split. */
    record Stored(
            long run,
            List<ResultRow> results,
            List<Problem> problems,
            List<NotSubmitted> notSubmitted,
            List<NotRated> notRated,
            List<NotRated> dissolved,
            RunCounts counts,
            List<FileReport> files,
            List<PreviousYear> earlier,
            Map<String, List<String>> lineage,
            Map<String, IntegrityScan> scans) {

        /** Whether the run looks for integrity signals (then each kind has its scan, by kind id; "" for no kind). */
        boolean scanned() {
            return !scans.isEmpty();
        }

        List<Problem> rejected() {
            return CsvOutputs.of(problems, Severity.REJECTED);
        }

        List<Problem> corrections() {
            return CsvOutputs.of(problems, Severity.CORRECTED, Severity.NOTE);
        }
    }

    /**
     * What the report, the letters and the workbook's last sheets need: the report's data per kind of branch (one part
     * in a year with one rule set), each with the kind's results, statistics and signals.
     */
    record Findings(List<ReportData> parts, FeedbackLetterWriter.Queue letters) {

        /** The first part, which also holds what every part shares: the run, its counts and its files. */
        ReportData data() {
            return parts.get(0);
        }

        /** Every part's integrity signals, kind after kind. */
        List<Signal> signals() {
            return parts.stream().flatMap(p -> p.integrity().signals().stream()).toList();
        }
    }

    private volatile Stored stored;
    private final Queue<Written> written = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Findings> findings = new CompletableFuture<>();

    void store(Stored stored) {
        this.stored = stored;
    }

    Stored stored() {
        return stored;
    }

    void found(Findings found) {
        findings.complete(found);
    }

    /** The findings could not be worked out: whoever waits for them fails too, rather than waiting for ever. */
    void notFound(Throwable why) {
        findings.completeExceptionally(why);
    }

    /** The findings, once worked out (the workbook's last sheets and the chart files wait here). */
    Findings findings() {
        try {
            return findings.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the statistics were worked out", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "the statistics could not be worked out: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A file a step wrote: in a report language (null for one file of the run), or told by a message naming it. */
    record Written(RunFile file, String language, Message told) {}

    /** Tells the summary a step wrote {@code file}. */
    void wrote(RunFile file) {
        written.add(new Written(file, null, null));
    }

    /** Tells the summary a step wrote {@code file} in {@code language}. */
    void wrote(RunFile file, String language) {
        written.add(new Written(file, language, null));
    }

    /** Tells the summary a step wrote {@code file}, as {@code told} says it with what it holds. */
    void wrote(RunFile file, Message told) {
        written.add(new Written(file, null, told));
    }

    /**
     * The files the steps said they wrote, as the console's summary line names them (a file's name, or a message naming
     * it with what it holds): the run's own files first, then each language's, each in {@link RunFile}'s order.
     */
    List<Object> written(List<String> languages) {
        return written.stream()
                .sorted(Comparator.comparingInt(
                                (Written w) -> w.language() == null ? -1 : languages.indexOf(w.language()))
                        .thenComparing(Written::file))
                .map(w -> w.told() != null
                        ? w.told()
                        : w.language() == null ? w.file().fileName() : w.file().fileName(w.language()))
                .map(Object.class::cast)
                .toList();
    }

    /** The results in the order every output lists them: by bloc, then rank. */
    static List<ResultRow> inOrder(List<ResultRow> results) {
        return results.stream().sorted(ResultOrder.byKindBlocRank()).toList();
    }
}
