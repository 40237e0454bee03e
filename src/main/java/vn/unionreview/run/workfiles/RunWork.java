package vn.unionreview.run.workfiles;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.IngestRecord.Source;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.WorkbookProperties;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.ResultRow;
import vn.unionreview.result.RunCounts;
import vn.unionreview.result.ScoredSource;
import vn.unionreview.run.RunFile;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * A run's intermediate data, kept in files in its run folder (.work/) between the steps that write and read it: the
 * registry as read, every row read with its submission and score, the files met, the problems found and the duplicate
 * copies set aside. A step that writes here replaces its files whole (a tasklet) or starts over ({@link #forget}, an
 * ingest step), so what a completed step left is exactly what it wrote, whatever a crash did after. The database keeps
 * the job's own record, and, from the score step on, the results and problems. The folder goes when its run has
 * completed.
 */
public final class RunWork {

    private static final int BUFFER = 1 << 16;

    private final Path folder;

    private RunWork(Path folder) {
        this.folder = folder;
    }

    public static RunWork of(Path runDir) {
        return new RunWork(RunFile.WORK.in(runDir));
    }

    Path folder() {
        return folder;
    }

    Path rows(Source source) {
        return folder.resolve("rows-" + source.name().toLowerCase(Locale.ROOT));
    }

    Path payloads(Source source) {
        return folder.resolve("payloads-" + source.name().toLowerCase(Locale.ROOT));
    }

    Path files(Source source) {
        return folder.resolve("files-" + source.name().toLowerCase(Locale.ROOT));
    }

    Path problems(Source source) {
        return folder.resolve("problems-" + source.name().toLowerCase(Locale.ROOT));
    }

    private Path registry() {
        return folder.resolve("registry");
    }

    private Path registryProblems() {
        return folder.resolve("problems-registry");
    }

    private Path duplicates() {
        return folder.resolve("duplicates");
    }

    private Path duplicateProblems() {
        return folder.resolve("problems-duplicates");
    }

    private Path results() {
        return folder.resolve("results");
    }

    /**
     * What a step says when what the steps before it wrote is not here: a run an earlier version began, or files
     * removed.
     */
    private MessageException missing() {
        return new MessageException(Message.of("run.work_missing", "folder", folder.toString()));
    }

    /**
     * Removes the folder: its run has completed, and everything a reader needs is in the run folder and the database.
     */
    public void delete() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the run's work folder " + folder, e);
        }
    }

    // ---- registry ------------------------------------------------------------------------

    /** The registry as read (kept in code order) and its problems. */
    public void writeRegistry(List<Branch> branches, List<Problem> problems) {
        List<Branch> inOrder =
                branches.stream().sorted(Comparator.comparing(Branch::code)).toList();
        SpillFormat.replace(registry(), out -> {
            for (Branch b : inOrder) {
                SpillFormat.writeText(out, b.code());
                SpillFormat.writeText(out, b.name());
                SpillFormat.writeText(out, b.bloc());
            }
        });
        writeProblems(registryProblems(), problems);
    }

    /** The registry's branches, in code order. */
    public List<Branch> branches() {
        if (!Files.exists(registry())) {
            throw missing();
        }
        return SpillFormat.readAll(
                registry(),
                in -> new Branch(SpillFormat.readText(in), SpillFormat.readText(in), SpillFormat.readText(in)));
    }

    /** The registry as code → name. */
    public Map<String, String> branchNames() {
        Map<String, String> names = new HashMap<>();
        branches().forEach(b -> names.put(b.code(), b.name()));
        return names;
    }

    public Set<String> branchCodes() {
        Set<String> codes = new HashSet<>();
        branches().forEach(b -> codes.add(b.code()));
        return codes;
    }

    // ---- rows ----------------------------------------------------------------------------

    /** Appends to the files of one kind of source; the caller closes it. */
    public RowSpill spill(Source source) {
        try {
            return new RowSpill(this, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run's work files in " + folder, e);
        }
    }

    /**
     * Forgets what an ingest step wrote for one kind of source, so that the step, run again, starts over from its first
     * file.
     */
    public void forget(Source source) {
        try {
            for (Path p : List.of(rows(source), payloads(source), files(source), problems(source))) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the run's work files in " + folder, e);
        }
    }

    /** Submissions from one kind of source as its step left them: {accepted, rejected}. */
    public int[] rowCounts(Source source) {
        int[] counts = new int[2];
        forEachRow(List.of(source), false, row -> counts[row.accepted() ? 0 : 1]++);
        return counts;
    }

    public int unreadableFiles(Source source) {
        return (int) fileEntries(List.of(source)).values().stream()
                .filter(f -> !f.readable())
                .count();
    }

    // ---- duplicates ----------------------------------------------------------------------

    /**
     * Codes with more than one accepted row, in code order, each with its rows in file order; earlier verdicts are not
     * applied.
     */
    public Map<String, List<DuplicateRule.Copy>> duplicateSubmissions() {
        Map<String, List<DuplicateRule.Copy>> byCode = new TreeMap<>();
        forEachRow(List.of(Source.values()), false, row -> {
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

    /**
     * The copies set aside, which readers from here on see as rejected, and what was said about each branch's copies.
     */
    public void writeDuplicates(List<DuplicateRule.Copy> rejected, List<Problem> problems) {
        SpillFormat.replace(duplicates(), out -> {
            for (DuplicateRule.Copy copy : rejected) {
                SpillFormat.writeText(out, copy.file());
                SpillFormat.writeText(out, copy.sheet());
                out.writeInt(copy.row());
            }
        });
        writeProblems(duplicateProblems(), problems);
    }

    // ---- results ---------------------------------------------------------------------------

    /** The score step's results, replacing any an earlier attempt wrote. */
    public void writeResults(List<StoredResult> results) {
        SpillFormat.replace(results(), out -> {
            for (StoredResult r : results) {
                r.write(out);
            }
        });
    }

    /** The score step's results, in its order, one at a time. */
    public void forEachResult(Consumer<StoredResult> action) {
        if (!Files.exists(results())) {
            throw missing();
        }
        SpillFormat.Shared shared = new SpillFormat.Shared();
        SpillFormat.forEach(results(), in -> StoredResult.read(in, shared), action);
    }

    /** The results as every output reads them (without their explanations). */
    public List<ResultRow> resultRows() {
        List<ResultRow> rows = new ArrayList<>();
        forEachResult(r -> rows.add(r.row()));
        return rows;
    }

    // ---- what the score and export steps read --------------------------------------------

    /**
     * Every problem, in the order the steps found them: registry, tables, forms, duplicates (see
     * {@link #problemsInOrder}).
     */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>();
        for (Path part :
                List.of(registryProblems(), problems(Source.TABLE), problems(Source.FORM), duplicateProblems())) {
            SpillFormat.forEach(part, SpillFormat::readProblem, all::add);
        }
        return all;
    }

    /**
     * Every problem as the database gives them back: by file, sheet and row, then in the order found (ur_problem's
     * identity), cut where its columns cut them. Both databases order the same text as Java does, which is H2's order.
     */
    public List<Problem> problemsInOrder() {
        return problems().stream()
                .map(StoredText::problem)
                .sorted(Comparator.comparing(Problem::file)
                        .thenComparing(Problem::sheet)
                        .thenComparingInt(Problem::row))
                .toList();
    }

    /** The accepted submissions' scores, each with its registry branch, in code order. */
    public void forEachAcceptedScore(Consumer<BranchScore> action) {
        Map<String, Branch> registry = new HashMap<>();
        branches().forEach(b -> registry.put(b.code(), b));
        forEachAcceptedPayload((code, payload) -> {
            Branch branch = registry.get(code);
            if (branch != null) { // validation accepts registry codes only
                action.accept(StoredScore.read(branch, payload.score(), payload.explanation()));
            }
        });
    }

    /** The accepted submissions (one per scored branch, once duplicates are set aside), in code order. */
    public void forEachAcceptedSubmission(BiConsumer<String, Submission> action) {
        forEachAcceptedPayload(
                (code, payload) -> action.accept(code, StoredSubmission.read(code, payload.submission())));
    }

    /** Where each accepted submission came from, by branch code, with what a form's workbook says about itself. */
    public Map<String, ScoredSource> acceptedSources() {
        Map<String, ScoredSource> sources = new HashMap<>();
        forEachRow(List.of(Source.values()), true, row -> {
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

    /** Registry branches with no accepted row, in code order, with how many rows of theirs were rejected. */
    public List<NotSubmitted> notSubmitted() {
        Map<String, Integer> rows = new HashMap<>();
        Set<String> accepted = new HashSet<>();
        forEachRow(List.of(Source.values()), true, row -> {
            rows.merge(row.code(), 1, Integer::sum);
            if (row.accepted()) {
                accepted.add(row.code());
            }
        });
        return branches().stream()
                .filter(b -> !accepted.contains(b.code()))
                .map(b -> new NotSubmitted(b.code(), b.name(), b.bloc(), rows.getOrDefault(b.code(), 0)))
                .toList();
    }

    /** Per input file: what was read from it and what became of it; in file name order. */
    public List<FileReport> files() {
        Map<String, int[]> counts = new HashMap<>(); // rows, accepted, cells read, cells accepted, cells invalid
        Map<String, String> firstCode = new HashMap<>();
        forEachRow(List.of(Source.values()), true, row -> {
            int[] c = counts.computeIfAbsent(row.file(), f -> new int[5]);
            c[0]++;
            c[2] += row.cellsRead();
            c[4] += row.cellsInvalid();
            if (row.accepted()) {
                c[1]++;
                c[3] += row.cellsRead();
            }
            firstCode.merge(row.file(), row.code(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        });
        Map<String, Integer> corrected = new HashMap<>();
        problems().stream()
                .filter(p -> p.severity() == Severity.CORRECTED)
                .forEach(p -> corrected.merge(p.file(), 1, Integer::sum));
        List<FileReport> reports = new ArrayList<>();
        for (Source source : Source.values()) {
            fileEntries(List.of(source)).forEach((file, entry) -> {
                int[] c = counts.getOrDefault(file, new int[5]);
                reports.add(new FileReport(
                        file,
                        source,
                        entry.readable(),
                        entry.reason() == null || entry.reason().isEmpty() ? null : Message.decode(entry.reason()),
                        c[0],
                        c[1],
                        c[2],
                        c[3],
                        c[4],
                        corrected.getOrDefault(file, 0),
                        firstCode.getOrDefault(file, "")));
            });
        }
        reports.sort(Comparator.comparing(FileReport::file));
        return reports;
    }

    /** The run's numbers as the steps so far left them; tiers are the database's (the results), so none here. */
    public RunCounts counts() {
        int[] rows = new int[4]; // accepted, rejected, cells of accepted, cells of rejected
        Set<String> accepted = new HashSet<>();
        forEachRow(List.of(Source.values()), true, row -> {
            int i = row.accepted() ? 0 : 1;
            rows[i]++;
            rows[i + 2] += row.cellsRead();
            if (row.accepted()) {
                accepted.add(row.code());
            }
        });
        List<Branch> registry = Files.exists(registry()) ? branches() : List.of();
        int notSubmitted = (int)
                registry.stream().filter(b -> !accepted.contains(b.code())).count();
        Map<String, Integer> files = new HashMap<>();
        for (Source source : Source.values()) {
            fileEntries(List.of(source))
                    .values()
                    .forEach(f -> files.merge(f.readable() ? source.name() : "UNREADABLE", 1, Integer::sum));
        }
        return new RunCounts(
                registry.size(),
                rows[0] + rows[1],
                rows[0],
                rows[1],
                notSubmitted,
                Map.of(),
                files.getOrDefault(Source.TABLE.name(), 0),
                files.getOrDefault(Source.FORM.name(), 0),
                files.getOrDefault("UNREADABLE", 0),
                rows[2] + rows[3],
                rows[2],
                rows[3]);
    }

    // ---- reading -------------------------------------------------------------------------

    /**
     * Every row of the given sources in the order read, rejected where its file broke later and, with
     * {@code afterDuplicates}, where the duplicates step set it aside.
     */
    private void forEachRow(List<Source> sources, boolean afterDuplicates, Consumer<SpilledRow> action) {
        Set<SpilledRow.RowKey> setAside = new HashSet<>();
        if (afterDuplicates) {
            SpillFormat.forEach(
                    duplicates(),
                    in -> new SpilledRow.RowKey(SpillFormat.readText(in), SpillFormat.readText(in), in.readInt()),
                    setAside::add);
        }
        SpillFormat.Shared shared = new SpillFormat.Shared();
        for (Source source : sources) {
            Set<String> refused = new HashSet<>();
            fileEntries(List.of(source)).forEach((file, entry) -> {
                if (entry.refused()) {
                    refused.add(file);
                }
            });
            SpillFormat.forEach(
                    rows(source),
                    in -> SpilledRow.read(source, in, shared),
                    row -> action.accept(
                            row.accepted() && (refused.contains(row.file()) || setAside.contains(row.key()))
                                    ? row.rejected()
                                    : row));
        }
    }

    /** The files met, each as its last entry says. */
    private Map<String, RowSpill.FileEntry> fileEntries(List<Source> sources) {
        Map<String, RowSpill.FileEntry> entries = new LinkedHashMap<>();
        for (Source source : sources) {
            SpillFormat.forEach(files(source), RowSpill.FileEntry::read, e -> entries.put(e.file(), e));
        }
        return entries;
    }

    private record Pointer(String code, Source source, long at) {}

    private record Payload(String submission, String score, String explanation) {}

    /** The accepted rows' payloads in code order: their places first, then each read where it is. */
    private void forEachAcceptedPayload(BiConsumer<String, Payload> action) {
        List<Pointer> pointers = new ArrayList<>();
        forEachRow(List.of(Source.values()), true, row -> {
            if (row.accepted()) {
                pointers.add(new Pointer(row.code(), row.source(), row.payloadAt()));
            }
        });
        pointers.sort(Comparator.comparing(Pointer::code));
        Map<Source, PayloadFile> open = new EnumMap<>(Source.class);
        try {
            for (Pointer p : pointers) {
                PayloadFile file = open.get(p.source());
                if (file == null) {
                    file = new PayloadFile(FileChannel.open(payloads(p.source())));
                    open.put(p.source(), file);
                }
                action.accept(p.code(), file.at(p.at()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's work files in " + folder, e);
        } finally {
            for (PayloadFile file : open.values()) {
                file.close();
            }
        }
    }

    /**
     * A payload file read at the places asked for: forward by skipping within a buffer (rows usually come in code
     * order), else by seeking.
     */
    private static final class PayloadFile {

        private final FileChannel channel;
        private DataInputStream in;
        private long position = -1;

        PayloadFile(FileChannel channel) {
            this.channel = channel;
        }

        Payload at(long at) throws IOException {
            if (in == null || at < position) {
                channel.position(at);
                in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), BUFFER));
            } else {
                in.skipNBytes(at - position);
            }
            byte[] record = new byte[in.readInt()];
            in.readFully(record);
            position = at + Integer.BYTES + record.length;
            DataInputStream fields = new DataInputStream(new ByteArrayInputStream(record));
            return new Payload(
                    SpillFormat.readText(fields), SpillFormat.readText(fields), SpillFormat.readText(fields));
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void writeProblems(Path file, List<Problem> problems) {
        SpillFormat.replace(file, out -> {
            for (Problem p : problems) {
                SpillFormat.writeProblem(out, p);
            }
        });
    }
}
