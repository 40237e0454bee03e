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
import java.time.LocalDate;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.IngestRecord.Source;
import vn.unionreview.ingest.Problem;
import vn.unionreview.result.ResultRow;
import vn.unionreview.run.RunFile;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchHistory;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.Rating;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * A run's work files: its intermediate data, kept in its run folder (.work/) between the steps that write and read it:
 * the registry as read, every row read with its submission and score, the files met, the problems found and the
 * duplicate copies set aside. A step that writes here replaces its files whole (a tasklet) or starts over
 * ({@link #forget}, an ingest step), so what a completed step left is exactly what it wrote, whatever a crash did
 * after. The database keeps the job's own record, and, from the score step on, the results and problems. The folder
 * goes when its run has completed.
 */
public final class WorkFiles {

    private static final int BUFFER = 1 << 16;

    private final Path folder;

    private WorkFiles(Path folder) {
        this.folder = folder;
    }

    public static WorkFiles of(Path runDir) {
        return new WorkFiles(RunFile.WORK.in(runDir));
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

    private Path unitResults() {
        return folder.resolve("unit-results");
    }

    private Path unitReasonsFile() {
        return folder.resolve("unit-reasons");
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

    /** A registry branch and whether it is rated in the year. */
    public record Registered(Branch branch, Rating.Verdict verdict) {}

    /** The registry as read (kept in code order), with each branch's verdict, and its problems. */
    public void writeRegistry(List<Registered> registry, List<Problem> problems) {
        List<Registered> inOrder = registry.stream()
                .sorted(Comparator.comparing((Registered r) -> r.branch().code()))
                .toList();
        WorkFileFormat.replace(registry(), out -> {
            for (Registered r : inOrder) {
                Branch b = r.branch();
                WorkFileFormat.writeText(out, b.code());
                WorkFileFormat.writeText(out, b.name());
                WorkFileFormat.writeText(out, b.bloc());
                WorkFileFormat.writeText(out, b.kind());
                BranchHistory h = b.history();
                WorkFileFormat.writeText(out, text(h.established()));
                WorkFileFormat.writeText(out, text(h.reorganised()));
                WorkFileFormat.writeText(out, text(h.dissolved()));
                WorkFileFormat.writeText(out, String.join(";", h.predecessors()));
                WorkFileFormat.writeText(out, r.verdict().status().name());
                WorkFileFormat.writeText(out, text(r.verdict().ratedFrom()));
            }
        });
        writeProblems(registryProblems(), problems);
    }

    /** Whether the registry step has written the registry. */
    boolean hasRegistry() {
        return Files.exists(registry());
    }

    /** The registry's branches with their verdicts, in code order. */
    public List<Registered> registered() {
        if (!Files.exists(registry())) {
            throw missing();
        }
        return WorkFileFormat.readAll(registry(), in -> {
            String code = WorkFileFormat.readText(in);
            String name = WorkFileFormat.readText(in);
            String bloc = WorkFileFormat.readText(in);
            String kind = WorkFileFormat.readText(in);
            LocalDate established = date(WorkFileFormat.readText(in));
            LocalDate reorganised = date(WorkFileFormat.readText(in));
            LocalDate dissolved = date(WorkFileFormat.readText(in));
            String predecessors = WorkFileFormat.readText(in);
            Rating.Status status = Rating.Status.valueOf(WorkFileFormat.readText(in));
            LocalDate ratedFrom = date(WorkFileFormat.readText(in));
            BranchHistory history =
                    established == null && reorganised == null && dissolved == null && predecessors.isEmpty()
                            ? BranchHistory.NONE
                            : new BranchHistory(
                                    established,
                                    reorganised,
                                    dissolved,
                                    predecessors.isEmpty() ? List.of() : List.of(predecessors.split(";")));
            return new Registered(new Branch(code, name, bloc, kind, history), new Rating.Verdict(status, ratedFrom));
        });
    }

    /** The registry's branches, in code order. */
    public List<Branch> branches() {
        return registered().stream().map(Registered::branch).toList();
    }

    /** The codes of the branches rated in the year. */
    public Set<String> ratedCodes() {
        Set<String> codes = new HashSet<>();
        registered().stream()
                .filter(r -> r.verdict().rated())
                .forEach(r -> codes.add(r.branch().code()));
        return codes;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static LocalDate date(String text) {
        return text.isEmpty() ? null : LocalDate.parse(text);
    }

    /** The registry as code → name. */
    public Map<String, String> branchNames() {
        Map<String, String> names = new HashMap<>();
        branches().forEach(b -> names.put(b.code(), b.name()));
        return names;
    }

    /** The registry as code → kind id ("" when it gives none). */
    public Map<String, String> branchKinds() {
        Map<String, String> kinds = new HashMap<>();
        branches().forEach(b -> kinds.put(b.code(), b.kind()));
        return kinds;
    }

    public Set<String> branchCodes() {
        Set<String> codes = new HashSet<>();
        branches().forEach(b -> codes.add(b.code()));
        return codes;
    }

    // ---- rows ----------------------------------------------------------------------------

    /** What these files say was read, summed up: rows, files, branches not submitted, duplicates, the run's counts. */
    public Tally tally() {
        return new Tally(this);
    }

    /** Appends to the files of one kind of source; the caller closes it. */
    public RowWriter rowWriter(Source source) {
        try {
            return new RowWriter(this, source);
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

    // ---- duplicates ----------------------------------------------------------------------

    /**
     * The copies set aside, which readers from here on see as rejected, and what was said about each branch's copies.
     */
    public void writeDuplicates(List<DuplicateRule.Copy> rejected, List<Problem> problems) {
        WorkFileFormat.replace(duplicates(), out -> {
            for (DuplicateRule.Copy copy : rejected) {
                WorkFileFormat.writeText(out, copy.file());
                WorkFileFormat.writeText(out, copy.sheet());
                out.writeInt(copy.row());
            }
        });
        writeProblems(duplicateProblems(), problems);
    }

    // ---- results ---------------------------------------------------------------------------

    /** The score step's results, replacing any an earlier attempt wrote. */
    public void writeResults(List<StoredResult> results) {
        write(results(), results);
    }

    /** The score step's results, in its order, one at a time. */
    public void forEachResult(Consumer<StoredResult> action) {
        forEach(results(), action);
    }

    /**
     * For a province, its units' results as their accepted bundles hold them (the registry step's), replacing any an
     * earlier attempt wrote; none for a run without units.
     */
    public void writeUnitResults(List<StoredResult> results) {
        write(unitResults(), results);
    }

    /**
     * For a province, why each unit of its units.csv (in that file's order) was not taken, null when it was: the
     * reports say it in each of their languages, where units.csv has the run's first.
     */
    public void writeUnitReasons(List<Message> reasons) {
        WorkFileFormat.replace(unitReasonsFile(), out -> {
            for (Message reason : reasons) {
                WorkFileFormat.writeText(out, reason == null ? "" : reason.encode());
            }
        });
    }

    /** The reasons {@link #writeUnitReasons} wrote, in order; none for a run without units. */
    public List<Message> unitReasons() {
        return WorkFileFormat.readAll(unitReasonsFile(), in -> {
            String stored = WorkFileFormat.readText(in);
            return stored.isEmpty() ? null : Message.decode(stored);
        });
    }

    /** The units' results the registry step took, in its order. */
    public List<StoredResult> unitResultList() {
        List<StoredResult> all = new ArrayList<>();
        forEach(unitResults(), all::add);
        return all;
    }

    private static void write(Path file, List<StoredResult> results) {
        WorkFileFormat.replace(file, out -> {
            for (StoredResult r : results) {
                r.write(out);
            }
        });
    }

    private void forEach(Path file, Consumer<StoredResult> action) {
        if (!Files.exists(file)) {
            throw missing();
        }
        WorkFileFormat.Shared shared = new WorkFileFormat.Shared();
        WorkFileFormat.forEach(file, in -> StoredResult.read(in, shared), action);
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
            WorkFileFormat.forEach(part, WorkFileFormat::readProblem, all::add);
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

    // ---- reading -------------------------------------------------------------------------

    /**
     * Every row of the given sources in the order read, rejected where its file broke later and, with
     * {@code afterDuplicates}, where the duplicates step set it aside.
     */
    void forEachRow(List<Source> sources, boolean afterDuplicates, Consumer<WorkRow> action) {
        Set<WorkRow.RowKey> setAside = new HashSet<>();
        if (afterDuplicates) {
            WorkFileFormat.forEach(
                    duplicates(),
                    in -> new WorkRow.RowKey(WorkFileFormat.readText(in), WorkFileFormat.readText(in), in.readInt()),
                    setAside::add);
        }
        WorkFileFormat.Shared shared = new WorkFileFormat.Shared();
        for (Source source : sources) {
            Set<String> refused = new HashSet<>();
            fileEntries(List.of(source)).forEach((file, entry) -> {
                if (entry.refused()) {
                    refused.add(file);
                }
            });
            WorkFileFormat.forEach(
                    rows(source),
                    in -> WorkRow.read(source, in, shared),
                    row -> action.accept(
                            row.accepted() && (refused.contains(row.file()) || setAside.contains(row.key()))
                                    ? row.rejected()
                                    : row));
        }
    }

    /** The files met, each as its last entry says. */
    Map<String, RowWriter.FileEntry> fileEntries(List<Source> sources) {
        Map<String, RowWriter.FileEntry> entries = new LinkedHashMap<>();
        for (Source source : sources) {
            WorkFileFormat.forEach(files(source), RowWriter.FileEntry::read, e -> entries.put(e.file(), e));
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
                    WorkFileFormat.readText(fields), WorkFileFormat.readText(fields), WorkFileFormat.readText(fields));
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
        WorkFileFormat.replace(file, out -> {
            for (Problem p : problems) {
                WorkFileFormat.writeProblem(out, p);
            }
        });
    }
}
