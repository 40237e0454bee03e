package vn.unionreview.result;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.text.Message;

/**
 * What one input file gave: submissions (table rows, or the one form) accepted and rejected, and its input cells,
 * accepted (cells of accepted submissions) and rejected (cells of rejected ones), so that for every file cells read =
 * accepted + rejected; {@code cellsInvalid} counts the cells that were themselves unusable. {@code branch} is the
 * form's branch code (tables: the first code); {@code reason} why it was not read, or null.
 */
public record FileReport(
        String file,
        IngestRecord.Source source,
        boolean readable,
        Message reason,
        int rows,
        int rowsAccepted,
        int cellsRead,
        int cellsAccepted,
        int cellsInvalid,
        int cellsCorrected,
        String branch) {

    public int rowsRejected() {
        return rows - rowsAccepted;
    }

    public int cellsRejected() {
        return cellsRead - cellsAccepted;
    }
}
