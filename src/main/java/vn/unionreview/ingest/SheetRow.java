package vn.unionreview.ingest;

import java.util.List;

/** A row as read from a file: where it is (file, sheet, 1-based row number) and its non-empty cells. */
public record SheetRow(String file, String sheet, int number, List<SheetCell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
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
        return cells.stream().allMatch(c -> c.text() == null || Texts.clean(c.text()).isEmpty());
    }
}
