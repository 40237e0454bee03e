package vn.unionreview.ingest;

/** What a spreadsheet cell held, as far as parsing it is concerned. */
public enum CellKind {
    TEXT, NUMBER, BOOLEAN,
    /** A formula whose result was never saved (the file was written by a program that does not compute). */
    FORMULA_WITHOUT_VALUE,
    /** A formula that evaluated to an error such as #DIV/0!. */
    ERROR
}
