package vn.unionreview.run.workfiles;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;

/**
 * Writes what one ingest step reads (one kind of source) to the run's work files, appending: every row with its
 * submission and score, every file met and every problem. {@link #write} ends with a flush, so what a chunk wrote is in
 * the files before its transaction commits; a step that runs again starts over ({@link WorkFiles#forget}).
 */
public final class RowWriter implements AutoCloseable {

    private final WorkFiles work;
    private final IngestRecord.Source source;
    private final DataOutputStream rows;
    private final DataOutputStream payloads;
    private final DataOutputStream files;
    private final DataOutputStream problems;
    private final ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(4096);
    private final DataOutputStream payload = new DataOutputStream(payloadBytes);
    private long payloadAt;

    RowWriter(WorkFiles work, IngestRecord.Source source) throws IOException {
        this.work = work;
        this.source = source;
        Files.createDirectories(work.folder());
        Path payloadFile = work.payloads(source);
        this.payloadAt = Files.exists(payloadFile) ? Files.size(payloadFile) : 0;
        this.rows = WorkFileFormat.append(work.rows(source));
        this.payloads = WorkFileFormat.append(payloadFile);
        this.files = WorkFileFormat.append(work.files(source));
        this.problems = WorkFileFormat.append(work.problems(source));
    }

    /**
     * One chunk: its rows, its files (a table announces itself with a file item; a form is one record, or a file item
     * when it could not be read) and its problems; then its refusals, each rejecting what its file gave so far.
     */
    public synchronized void write(List<? extends IngestRecord> records) {
        try {
            List<IngestRecord> refusals = new ArrayList<>();
            for (IngestRecord r : records) {
                if (r.isRefusal()) {
                    refusals.add(r);
                } else if (!r.isFileItem()) {
                    row(r).write(rows);
                }
                if (r.isFileItem() || (r.source() == IngestRecord.Source.FORM && !r.isRefusal())) {
                    // the file's reason is the first of its refusals (a file item has one), as code and arguments
                    new FileEntry(
                                    r.file(),
                                    !r.isUnreadableFile(),
                                    r.isFileItem()
                                            ? r.problems().stream()
                                                    .filter(p -> p.severity() == Severity.REJECTED)
                                                    .findFirst()
                                                    .map(p -> p.reason().encode())
                                                    .orElse("")
                                            : "",
                                    false)
                            .write(files);
                }
                for (Problem p : r.problems()) {
                    WorkFileFormat.writeProblem(problems, p);
                }
            }
            flush();
            for (IngestRecord refusal : refusals) {
                refuse(refusal);
            }
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's work files in " + work.folder(), e);
        }
    }

    private WorkRow row(IngestRecord r) throws IOException {
        long at = WorkRow.NO_PAYLOAD;
        if (r.accepted()) {
            payloadBytes.reset();
            WorkFileFormat.writeText(payload, StoredSubmission.write(r.submission()));
            WorkFileFormat.writeText(payload, r.score() == null ? null : StoredScore.write(r.score()));
            WorkFileFormat.writeText(payload, r.score() == null ? null : StoredScore.explanation(r.score()));
            at = payloadAt;
            payloads.writeInt(payloadBytes.size());
            payloadBytes.writeTo(payloads);
            payloadAt += Integer.BYTES + payloadBytes.size();
        }
        return new WorkRow(
                r.source(),
                r.file(),
                r.sheet(),
                r.row(),
                r.code(),
                r.accepted(),
                r.cellsRead(),
                r.cellsInvalid(),
                r.properties(),
                at);
    }

    /**
     * A file whose structure broke partway is not used: the rows it gave so far (this chunk's and earlier ones') are
     * rejected with the reason, and the file is marked not readable. Readers of the rows apply the mark.
     */
    private void refuse(IngestRecord refusal) throws IOException {
        Problem why = refusal.problems().get(0);
        WorkFileFormat.Shared shared = new WorkFileFormat.Shared();
        for (WorkRow row : WorkFileFormat.readAll(work.rows(source), in -> WorkRow.read(source, in, shared))) {
            if (row.accepted() && row.file().equals(refusal.file())) {
                WorkFileFormat.writeProblem(
                        problems,
                        new Problem(
                                Severity.REJECTED,
                                row.file(),
                                row.sheet(),
                                row.row(),
                                "",
                                "",
                                row.code(),
                                "",
                                why.reason()));
            }
        }
        new FileEntry(refusal.file(), false, why.reason().encode(), true).write(files);
    }

    private void flush() throws IOException {
        rows.flush();
        payloads.flush();
        files.flush();
        problems.flush();
    }

    @Override
    public synchronized void close() {
        try (rows;
                payloads;
                files;
                problems) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the run's work files in " + work.folder(), e);
        }
    }

    /**
     * A file met by an ingest step; a later entry for the same file replaces an earlier one.
     *
     * @param refused the file broke partway: what it gave is rejected
     */
    record FileEntry(String file, boolean readable, String reason, boolean refused) {

        void write(DataOutputStream out) throws IOException {
            WorkFileFormat.writeText(out, file);
            out.writeBoolean(readable);
            WorkFileFormat.writeText(out, reason);
            out.writeBoolean(refused);
        }

        static FileEntry read(DataInputStream in) throws IOException {
            return new FileEntry(
                    WorkFileFormat.readText(in), in.readBoolean(), WorkFileFormat.readText(in), in.readBoolean());
        }
    }
}
