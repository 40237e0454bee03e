package vn.unionreview.ingest;

/**
 * One item of the ingest step. Every file yields first a file item ({@code row} null) that carries
 * the file's own notes and errors (header problems, encoding, or why it could not be read), then
 * one item per data row. Rows are counted; file items are not.
 */
public record TableRow(TableLayout layout, SheetRow row) {

    public boolean isFileItem() {
        return row == null;
    }
}
