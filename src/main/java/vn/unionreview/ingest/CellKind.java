package vn.unionreview.ingest;

/** What a spreadsheet cell held, as far as parsing it is concerned. */
public enum CellKind {
    /** Text in a typed spreadsheet cell: a number found here was "stored as text", which is worth telling. */
    TEXT,
    /** A field of a file that has no cell types (CSV): every value is text, and that is normal. */
    UNTYPED,
    NUMBER,
    BOOLEAN,
    /** A formula whose result was never saved (the file was written by a program that does not compute). */
    FORMULA_WITHOUT_VALUE,
    /** A formula that evaluated to an error such as #DIV/0!. */
    ERROR,
    /** More text than a spreadsheet cell can hold ({@link Bounds#CELL}); only its beginning is kept, to show. */
    OVERSIZED
}
