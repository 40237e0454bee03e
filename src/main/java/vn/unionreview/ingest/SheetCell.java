package vn.unionreview.ingest;

/** One non-empty cell: 0-based column, A1-style reference, its text as stored, and its kind. */
public record SheetCell(int column, String ref, String text, CellKind kind) {

    /**
     * A cell as read from a file. Text longer than any spreadsheet cell can hold ({@link Bounds#CELL}) is kept only as
     * far as a report shows it, as {@link CellKind#OVERSIZED}: the row it is on is rejected.
     */
    public static SheetCell of(int column, String ref, String text, CellKind kind) {
        if (text != null && text.length() > Bounds.CELL) {
            return new SheetCell(column, ref, Texts.printable(text, Bounds.SHOWN_VALUE), CellKind.OVERSIZED);
        }
        return new SheetCell(column, ref, text, kind);
    }

    /** "A", "B", … "AA": the spreadsheet letters of a 0-based column index. */
    public static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }

    public static String ref(int column, int row) {
        return columnLetters(column) + row;
    }
}
