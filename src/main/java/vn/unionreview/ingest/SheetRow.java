package vn.unionreview.ingest;

import java.util.List;

/**
 * A row as read from a file: where it is (file, sheet, 1-based row number), its non-empty cells, and its width: how
 * many fields a CSV line had, or -1 where the format does not say (a spreadsheet stores no trailing blank cells).
 */
public record SheetRow(String file, String sheet, int number, List<SheetCell> cells, int width) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public SheetRow(String file, String sheet, int number, List<SheetCell> cells) {
        this(file, sheet, number, cells, -1);
    }

    public SheetCell cell(int column) {
        for (SheetCell c : cells) {
            if (c.column() == column) {
                return c;
            }
        }
        return null;
    }

    public boolean isBlank() {
        return cells.stream()
                .allMatch(c -> c.text() == null || Texts.clean(c.text()).isEmpty());
    }
}
