package vn.unionreview.run.workfiles;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.IngestRecord.Source;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.WorkbookProperties;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotRated;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.RunCounts;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchHistory;
import vn.unionreview.scoring.Rating;
import vn.unionreview.text.Message;

/**
 * What a run's work files say was read, summed up: the rows of a source accepted and rejected, the files that could not
 * be read, the branches that sent more than one submission or none, where each accepted submission came from, what
 * became of each file, and the run's counts. Each answer reads the files again; nothing is kept between them.
 */
public final class Tally {

    /** Submissions (table rows or forms) as a step left them. */
    public record Rows(int accepted, int rejected) {

        public int read() {
            return accepted + rejected;
        }
    }

    /** A date as official documents write it: 01/03/2026. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final WorkFiles files;

    Tally(WorkFiles files) {
        this.files = files;
    }

    /** The submissions from one kind of source as its step left them (before the duplicates step). */
    public Rows rows(Source source) {
        Side accepted = new Side();
        Side rejected = new Side();
        files.forEachRow(List.of(source), false, row -> (row.accepted() ? accepted : rejected).add(row));
        return new Rows(accepted.submissions, rejected.submissions);
    }

    /** The submissions of one side (accepted or rejected) and their cells, added up row by row. */
    private static final class Side {
        int submissions;
        int cells;

        void add(WorkRow row) {
            submissions++;
            cells += row.cellsRead();
        }
    }

    public int unreadableFiles(Source source) {
        return (int) files.fileEntries(List.of(source)).values().stream()
                .filter(f -> !f.readable())
                .count();
    }

    /**
     * Codes with more than one accepted row, in code order, each with its rows in file order; earlier verdicts are not
     * applied.
     */
    public Map<String, List<DuplicateRule.Copy>> duplicateSubmissions() {
        Map<String, List<DuplicateRule.Copy>> byCode = new TreeMap<>();
        files.forEachRow(List.of(Source.values()), false, row -> {
            if (row.accepted()) {
                byCode.computeIfAbsent(row.code(), c -> new ArrayList<>(1))
                        .add(new DuplicateRule.Copy(
                                row.file(),
                                row.sheet(),
                                row.row(),
                                row.source(),
                                row.form() == null ? null : row.form().saved()));
            }
        });
        Map<String, List<DuplicateRule.Copy>> duplicates = new LinkedHashMap<>();
        byCode.forEach((code, copies) -> {
            if (copies.size() > 1) {
                copies.sort(Comparator.comparing(DuplicateRule.Copy::file)
                        .thenComparing(DuplicateRule.Copy::sheet)
                        .thenComparingInt(DuplicateRule.Copy::row));
                duplicates.put(code, copies);
            }
        });
        return duplicates;
    }

    /** Where each accepted submission came from, by branch code, with what a form's workbook says about itself. */
    public Map<String, ScoredSource> acceptedSources() {
        Map<String, ScoredSource> sources = new HashMap<>();
        files.forEachRow(List.of(Source.values()), true, row -> {
            if (row.accepted()) {
                boolean form = row.source() == Source.FORM;
                sources.put(
                        row.code(),
                        new ScoredSource(
                                row.file(),
                                row.sheet(),
                                form ? 0 : row.row(),
                                !form ? null : row.form() == null ? WorkbookProperties.NONE : row.form()));
            }
        });
        return sources;
    }

    /**
     * Registry branches rated in the year with no accepted row, in code order, with how many rows of theirs were
     * rejected. A branch not rated is listed apart ({@link #notRated}, {@link #dissolved}), never as not submitted.
     */
    public List<NotSubmitted> notSubmitted() {
        Map<String, Integer> rows = new HashMap<>();
        Set<String> accepted = new HashSet<>();
        files.forEachRow(List.of(Source.values()), true, row -> {
            rows.merge(row.code(), 1, Integer::sum);
            if (row.accepted()) {
                accepted.add(row.code());
            }
        });
        Map<String, RowWriter.FileEntry> unreadable = unreadableForms();
        return files.registered().stream()
                .filter(r -> r.verdict().rated())
                .map(WorkFiles.Registered::branch)
                .filter(b -> !accepted.contains(b.code()))
                .map(b -> {
                    RowWriter.FileEntry form = unreadable.get(b.code());
                    return form == null
                            ? new NotSubmitted(b.code(), b.name(), b.bloc(), rows.getOrDefault(b.code(), 0))
                            : new NotSubmitted(
                                    b.code(),
                                    b.name(),
                                    b.bloc(),
                                    rows.getOrDefault(b.code(), 0),
                                    form.file(),
                                    whyUnread(Message.decode(form.reason())));
                })
                .toList();
    }

    /** Why a form was not read: a skipped form's reason says it was skipped, and why; the why is what counts here. */
    private static Message whyUnread(Message reason) {
        return reason.code().equals("form.skipped") && reason.args().get("why") instanceof Message why ? why : reason;
    }

    /**
     * The forms that arrived and could not be read, by the registry branch each is named for (its first by file name):
     * such a branch submitted, unreadably, and is not "not submitted".
     */
    private Map<String, RowWriter.FileEntry> unreadableForms() {
        Set<String> codes = new HashSet<>();
        files.registered().forEach(r -> codes.add(r.branch().code()));
        Map<String, RowWriter.FileEntry> byBranch = new HashMap<>();
        files.fileEntries(List.of(Source.FORM)).values().stream()
                .filter(f -> !f.readable())
                .sorted(Comparator.comparing(RowWriter.FileEntry::file))
                .forEach(f -> {
                    String owner = FileReport.ownerByName(f.file(), codes);
                    if (owner != null) {
                        byBranch.putIfAbsent(owner, f);
                    }
                });
        return byBranch;
    }

    /** Registry branches too new to be rated in the year, in code order, each with why and from when it will be. */
    public List<NotRated> notRated() {
        return outOfRating(false);
    }

    /** Registry branches dissolved by the date rating looks at, in code order: out of the year. */
    public List<NotRated> dissolved() {
        return outOfRating(true);
    }

    private List<NotRated> outOfRating(boolean dissolved) {
        return files.registered().stream()
                .filter(r -> !r.verdict().rated() && (r.verdict().status() == Rating.Status.DISSOLVED) == dissolved)
                .map(r -> new NotRated(
                        r.branch().code(),
                        r.branch().name(),
                        r.branch().bloc(),
                        r.branch().kind(),
                        reason(r.branch(), r.verdict())))
                .toList();
    }

    private static Message reason(Branch branch, Rating.Verdict verdict) {
        BranchHistory history = branch.history();
        return switch (verdict.status()) {
            case DISSOLVED -> Message.of("rating.dissolved", "date", day(history.dissolved()));
            case TOO_NEW ->
                Message.of(
                        "rating.too_new", "established", day(history.established()), "from", day(verdict.ratedFrom()));
            case TOO_NEW_SINCE_REORGANISATION ->
                Message.of(
                        "rating.too_new_since_reorganisation",
                        "reorganised",
                        day(history.reorganised()),
                        "from",
                        day(verdict.ratedFrom()));
            case NO_KIND -> Message.of("rating.no_kind");
            case KIND_WITHOUT_RULES -> Message.of("rating.kind_without_rules", "kind", branch.kind());
            case RATED -> throw new IllegalArgumentException("a rated branch has no reason not to be");
        };
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** What was read from one file, added up row by row. */
    private static final class FileTally {
        int rows;
        int accepted;
        int cellsRead;
        int cellsAccepted;
        int cellsInvalid;
        String firstCode;

        void add(WorkRow row) {
            rows++;
            cellsRead += row.cellsRead();
            cellsInvalid += row.cellsInvalid();
            if (row.accepted()) {
                accepted++;
                cellsAccepted += row.cellsRead();
            }
            firstCode = firstCode == null || row.code().compareTo(firstCode) < 0 ? row.code() : firstCode;
        }
    }

    /** Per input file: what was read from it and what became of it; in file name order. */
    public List<FileReport> files() {
        Map<String, FileTally> tallies = new HashMap<>();
        files.forEachRow(
                List.of(Source.values()),
                true,
                row -> tallies.computeIfAbsent(row.file(), f -> new FileTally()).add(row));
        Map<String, Integer> corrected = new HashMap<>();
        files.problems().stream()
                .filter(p -> p.severity() == Severity.CORRECTED)
                .forEach(p -> corrected.merge(p.file(), 1, Integer::sum));
        List<FileReport> reports = new ArrayList<>();
        for (Source source : Source.values()) {
            files.fileEntries(List.of(source)).forEach((file, entry) -> {
                FileTally t = tallies.getOrDefault(file, new FileTally());
                reports.add(new FileReport(
                        file,
                        source,
                        entry.readable(),
                        entry.reason() == null || entry.reason().isEmpty() ? null : Message.decode(entry.reason()),
                        t.rows,
                        t.accepted,
                        t.cellsRead,
                        t.cellsAccepted,
                        t.cellsInvalid,
                        corrected.getOrDefault(file, 0),
                        t.firstCode == null ? "" : t.firstCode));
            });
        }
        reports.sort(Comparator.comparing(FileReport::file));
        return reports;
    }

    /** The run's numbers as the steps so far left them; tiers are the database's (the results), so none here. */
    public RunCounts counts() {
        Side accepted = new Side();
        Side rejected = new Side();
        Set<String> acceptedCodes = new HashSet<>();
        files.forEachRow(List.of(Source.values()), true, row -> {
            (row.accepted() ? accepted : rejected).add(row);
            if (row.accepted()) {
                acceptedCodes.add(row.code());
            }
        });
        List<WorkFiles.Registered> registered = files.hasRegistry() ? files.registered() : List.of();
        List<Branch> registry = registered.stream()
                .filter(r -> r.verdict().rated())
                .map(WorkFiles.Registered::branch)
                .toList();
        int dissolved = (int) registered.stream()
                .filter(r -> r.verdict().status() == Rating.Status.DISSOLVED)
                .count();
        Map<String, RowWriter.FileEntry> unreadable = files.hasRegistry() ? unreadableForms() : Map.of();
        Map<String, Integer> fileCount = new HashMap<>();
        for (Source source : Source.values()) {
            files.fileEntries(List.of(source))
                    .values()
                    .forEach(f -> fileCount.merge(f.readable() ? source.name() : "UNREADABLE", 1, Integer::sum));
        }
        return RunCounts.builder()
                .registryBranches(registered.size())
                .rows(accepted.submissions, rejected.submissions)
                .notSubmitted(
                        (int) registry.stream()
                                .filter(b -> !acceptedCodes.contains(b.code()) && !unreadable.containsKey(b.code()))
                                .count(),
                        (int) registry.stream()
                                .filter(b -> !acceptedCodes.contains(b.code()) && unreadable.containsKey(b.code()))
                                .count())
                .files(
                        fileCount.getOrDefault(Source.TABLE.name(), 0),
                        fileCount.getOrDefault(Source.FORM.name(), 0),
                        fileCount.getOrDefault("UNREADABLE", 0))
                .cells(accepted.cells, rejected.cells)
                .outOfRating(registered.size() - registry.size() - dissolved, dissolved)
                .build();
    }
}
