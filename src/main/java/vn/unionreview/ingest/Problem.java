package vn.unionreview.ingest;

import vn.unionreview.text.Message;

/**
 * Something about the input a person must be told of, with where it is: file, sheet, row, cell, column header and
 * branch code (each may be empty when it does not apply), the value as it was found, and what was wrong or what was
 * done: a {@link Message}, rendered in the reader's language where it is read.
 */
public record Problem(
        Severity severity,
        String file,
        String sheet,
        int row,
        String cell,
        String column,
        String code,
        String value,
        Message reason) {

    /** Whatever a file held, a problem shows it bounded and without control characters: it goes to every report. */
    public Problem {
        file = Texts.printable(file, 1_000);
        sheet = Texts.printable(sheet, 255);
        cell = Texts.printable(cell, 20);
        column = Texts.printable(column, 255);
        code = Texts.printable(code, Bounds.CODE);
        value = Texts.printable(value, Bounds.SHOWN_VALUE);
    }

    public static Problem ofFile(Severity severity, String file, Message reason) {
        return new Problem(severity, file, "", 0, "", "", "", "", reason);
    }

    /** Where it is, as far as known: "registry.csv row 3", "forms/a.xlsx [Phiếu] row 7 cell C7 (B1)". */
    public Message where() {
        return Message.of(
                "where.problem",
                "file",
                file,
                "sheet",
                sheet,
                "has_sheet",
                sheet.isEmpty() ? "no" : "yes",
                "row",
                row,
                "cell",
                cell,
                "has_cell",
                cell.isEmpty() ? "no" : "yes",
                "column",
                column,
                "has_column",
                column.isEmpty() ? "no" : "yes");
    }
}
