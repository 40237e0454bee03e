package vn.unionreview.run.workfiles;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.WorkbookProperties;

/**
 * One submission read (a table row or a form), as its ingest step wrote it to the run's work files: where it is, its
 * branch code, whether it was accepted, its cells, what a form's workbook says about itself, and where its submission
 * and score are in the source's payload file ({@value #NO_PAYLOAD} for a rejected one).
 */
record WorkRow(
        IngestRecord.Source source,
        String file,
        String sheet,
        int row,
        String code,
        boolean accepted,
        int cellsRead,
        int cellsInvalid,
        WorkbookProperties form,
        long payloadAt) {

    static final long NO_PAYLOAD = -1;

    /**
     * The same row, rejected after it was read (its file broke later, or another copy of the branch's submission was
     * kept).
     */
    WorkRow rejected() {
        return new WorkRow(source, file, sheet, row, code, false, cellsRead, cellsInvalid, form, payloadAt);
    }

    /** What identifies a row among every source's. */
    RowKey key() {
        return new RowKey(file, sheet, row);
    }

    record RowKey(String file, String sheet, int row) {}

    void write(DataOutputStream out) throws IOException {
        WorkFileFormat.writeText(out, file);
        WorkFileFormat.writeText(out, sheet);
        out.writeInt(row);
        WorkFileFormat.writeText(out, code);
        out.writeBoolean(accepted);
        out.writeInt(cellsRead);
        out.writeInt(cellsInvalid);
        out.writeBoolean(form != null);
        if (form != null) {
            WorkFileFormat.writeText(out, instant(form.saved()));
            WorkFileFormat.writeText(out, form.creator());
            WorkFileFormat.writeText(out, form.lastModifiedBy());
            WorkFileFormat.writeText(out, instant(form.created()));
        }
        out.writeLong(payloadAt);
    }

    static WorkRow read(IngestRecord.Source source, DataInputStream in, WorkFileFormat.Shared shared)
            throws IOException {
        String file = shared.text(in);
        String sheet = shared.text(in);
        int row = in.readInt();
        String code = WorkFileFormat.readText(in);
        boolean accepted = in.readBoolean();
        int cellsRead = in.readInt();
        int cellsInvalid = in.readInt();
        WorkbookProperties form = !in.readBoolean()
                ? null
                : new WorkbookProperties(
                        instant(WorkFileFormat.readText(in)),
                        shared.text(in),
                        shared.text(in),
                        instant(WorkFileFormat.readText(in)));
        return new WorkRow(source, file, sheet, row, code, accepted, cellsRead, cellsInvalid, form, in.readLong());
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
