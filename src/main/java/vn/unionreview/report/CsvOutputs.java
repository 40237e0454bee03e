package vn.unionreview.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.unionreview.files.Csv;
import vn.unionreview.ingest.Bounds;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.Texts;
import vn.unionreview.integrity.Signal;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotRated;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Decimals;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;

/**
 * Writes a run's CSV outputs: results.csv, rejected.csv (every rejection, with where it is), corrections.csv (values
 * read after a stated correction, and notes), not-submitted.csv.
 */
public final class CsvOutputs {

    public static final List<String> RESULT_COLUMNS = List.of(
            "code",
            "name",
            "bloc",
            "base",
            "bonus",
            "penalty",
            "total",
            "tier_before_caps",
            "tier",
            "rank_bloc",
            "rank_all",
            "award",
            "award_tie",
            "inflation",
            "caps",
            "tier_title",
            "demoted_by_quota",
            "decision");
    public static final List<String> PROBLEM_COLUMNS =
            List.of("severity", "file", "sheet", "row", "cell", "column", "code", "value", "reason_code", "reason");

    private CsvOutputs() {}

    /**
     * results.csv: {@link #RESULT_COLUMNS}, then {@code kind} in a year ruled by kind, then {@code unit} in a
     * province's year that takes its units' results ("" for a branch it rated itself).
     */
    public static void writeResults(Path file, RuleBook book, List<ResultRow> sorted, boolean units)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ResultRow r : sorted) {
            RuleSet rules = book.forKind(r.kind()).orElseThrow();
            List<String> row = new ArrayList<>(List.of(
                    r.code(),
                    r.name(),
                    r.bloc(),
                    Decimals.plain(r.base()),
                    Decimals.plain(r.bonus()),
                    Decimals.plain(r.penalty()),
                    Decimals.plain(r.total()),
                    r.tierBeforeCaps(),
                    r.tier(),
                    Integer.toString(r.rankBloc()),
                    Integer.toString(r.rankAll()),
                    r.award(),
                    Boolean.toString(r.awardTie()),
                    Decimals.plain(r.inflation()),
                    r.caps(),
                    rules.tiers().get(rules.tierIndex(r.tier())).title().vi(),
                    Boolean.toString(r.demoted()),
                    r.decision()));
            if (book.byKind()) {
                row.add(r.kind());
            }
            if (units) {
                row.add(r.unit());
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(RESULT_COLUMNS);
        if (book.byKind()) {
            columns.add("kind");
        }
        if (units) {
            columns.add("unit");
        }
        Csv.write(file, columns, rows);
    }

    /** integrity.csv: one line per signal, by signal then code; the detail in Vietnamese, naming the other branches. */
    public static void writeSignals(Path file, List<Signal> signals) throws IOException {
        Csv.write(
                file,
                List.of("code", "name", "bloc", "signal", "detail"),
                signals.stream()
                        .map(s -> List.of(s.code(), s.name(), s.bloc(), s.kind().id(), s.detailIn("vi")))
                        .toList());
    }

    /**
     * rejected.csv, corrections.csv: one line per problem; {@code reason_code} is the stable key a machine reads,
     * {@code reason} the words in the run's first language.
     */
    public static void writeProblems(Path file, List<Problem> problems, Catalogue words) throws IOException {
        Csv.write(
                file,
                PROBLEM_COLUMNS,
                problems.stream()
                        .map(p -> List.of(
                                p.severity().name(),
                                p.file(),
                                p.sheet(),
                                p.row() > 0 ? Integer.toString(p.row()) : "",
                                p.cell(),
                                p.column(),
                                p.code(),
                                p.value(),
                                p.reason().code(),
                                Texts.printable(words.render(p.reason()), Bounds.REASON)))
                        .toList());
    }

    public static void writeNotSubmitted(Path file, List<NotSubmitted> branches, Catalogue words) throws IOException {
        Csv.write(
                file,
                List.of("code", "name", "bloc", "reason_code", "reason"),
                branches.stream()
                        .map(b ->
                                List.of(b.code(), b.name(), b.bloc(), reason(b).code(), words.render(reason(b))))
                        .toList());
    }

    /** not-rated.csv or dissolved.csv: the branches the year does not rate, each with why. */
    public static void writeNotRated(Path file, List<NotRated> branches, Catalogue words) throws IOException {
        Csv.write(
                file,
                List.of("code", "name", "bloc", "kind", "reason_code", "reason"),
                branches.stream()
                        .map(b -> List.of(
                                b.code(),
                                b.name(),
                                b.bloc(),
                                b.kind(),
                                b.reason().code(),
                                words.render(b.reason())))
                        .toList());
    }

    /**
     * files.csv: one line per input file with its submissions and cells; cells_read = cells_accepted + cells_rejected.
     */
    public static void writeFiles(Path file, List<FileReport> files, Catalogue words) throws IOException {
        Csv.write(
                file,
                List.of(
                        "file",
                        "type",
                        "status",
                        "branch",
                        "submissions",
                        "accepted",
                        "rejected",
                        "cells_read",
                        "cells_accepted",
                        "cells_rejected",
                        "invalid_cells",
                        "corrected_cells",
                        "reason_code",
                        "reason"),
                files.stream()
                        .map(f -> List.of(
                                f.file(),
                                f.source() == IngestRecord.Source.FORM ? "form" : "table",
                                f.readable() ? "read" : f.rows() > 0 ? "refused" : "not read",
                                f.source() == IngestRecord.Source.FORM ? f.branch() : "",
                                Integer.toString(f.rows()),
                                Integer.toString(f.rowsAccepted()),
                                Integer.toString(f.rowsRejected()),
                                Integer.toString(f.cellsRead()),
                                Integer.toString(f.cellsAccepted()),
                                Integer.toString(f.cellsRejected()),
                                Integer.toString(f.cellsInvalid()),
                                Integer.toString(f.cellsCorrected()),
                                f.reason() == null ? "" : f.reason().code(),
                                f.reason() == null ? "" : Texts.printable(words.render(f.reason()), Bounds.REASON)))
                        .toList());
    }

    /** Why a registry branch has no result: it sent nothing, or everything it sent was rejected. */
    /**
     * How many branches of a run's not-submitted.csv sent a form that could not be read: the database counts only those
     * that sent nothing. None when the file does not exist.
     */
    public static int submittedUnreadable(Path notSubmitted) {
        int[] unreadable = {0};
        if (Files.isRegularFile(notSubmitted)) {
            try {
                Csv.forEachRow(
                        notSubmitted,
                        row -> unreadable[0] += row.get("reason_code").equals(UNREADABLE) ? 1 : 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return unreadable[0];
    }

    private static final String UNREADABLE = "notsubmitted.unreadable";

    public static Message reason(NotSubmitted b) {
        if (b.unreadable()) {
            return Message.of(UNREADABLE, "file", b.unreadableFile(), "why", b.unreadableReason());
        }
        return b.rejectedRows() == 0
                ? Message.of("notsubmitted.nothing")
                : Message.of("notsubmitted.all_rejected", "rows", b.rejectedRows());
    }

    public static List<Problem> of(List<Problem> problems, Severity... severities) {
        List<Severity> wanted = List.of(severities);
        return problems.stream().filter(p -> wanted.contains(p.severity())).toList();
    }
}
