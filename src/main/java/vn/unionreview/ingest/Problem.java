package vn.unionreview.ingest;

/**
 * Something about the input a person must be told of, with where it is: file, sheet, row, cell,
 * column header and branch code (each may be empty when it does not apply), the value as it was
 * found, and what was wrong or what was done.
 */
public record Problem(Severity severity, String file, String sheet, int row, String cell, String column,
                      String code, String value, String reason) {

    public static Problem ofFile(Severity severity, String file, String reason) {
        return new Problem(severity, file, "", 0, "", "", "", "", reason);
    }

    public String where() {
        StringBuilder s = new StringBuilder(file);
        if (!sheet.isEmpty()) {
            s.append(" [").append(sheet).append(']');
        }
        if (row > 0) {
            s.append(" row ").append(row);
        }
        if (!cell.isEmpty()) {
            s.append(" cell ").append(cell);
        }
        if (!column.isEmpty()) {
            s.append(" (").append(column).append(')');
        }
        return s.toString();
    }
}
