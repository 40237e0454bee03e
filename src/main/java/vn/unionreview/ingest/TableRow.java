package vn.unionreview.ingest;

/**
 * One item of the ingest step. Every file yields first a file item ({@code row} null) that carries the file's own notes
 * and errors (header problems, encoding, or why it could not be read), then one item per data row; and, when its
 * structure breaks partway, a refusal item saying where and why (the file is then not used: its rows so far are
 * rejected with it). Rows are counted; file and refusal items are not.
 */
public record TableRow(TableLayout layout, SheetRow row, Problem refusal) {

    public TableRow(TableLayout layout, SheetRow row) {
        this(layout, row, null);
    }

    public static TableRow refusal(TableLayout layout, Problem why) {
        return new TableRow(layout, null, why);
    }

    public boolean isFileItem() {
        return row == null && refusal == null;
    }

    public boolean isRefusal() {
        return refusal != null;
    }
}
