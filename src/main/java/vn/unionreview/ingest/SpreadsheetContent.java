package vn.unionreview.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.unionreview.text.Message;

/**
 * A small workbook read whole: every sheet's non-blank rows, and what the workbook says about itself (when it was
 * saved, by whom). Used for forms, which are a page or two each; big consolidated tables are streamed through
 * {@link SheetSource} instead.
 */
public record SpreadsheetContent(String file, List<Sheet> sheets, WorkbookProperties properties) {

    public SpreadsheetContent {
        sheets = List.copyOf(sheets);
        properties = properties == null ? WorkbookProperties.NONE : properties;
    }

    /** One sheet: its name as the workbook shows it, and its non-blank rows in order. */
    public record Sheet(String name, List<SheetRow> rows) {

        public Sheet {
            rows = List.copyOf(rows);
        }
    }

    /** Reads an xlsx or xls file by what it is, not by its name; see {@link SpreadsheetFormat#sniff}. */
    public static SpreadsheetContent read(Path path, String displayName) {
        return read(path, displayName, InputLimits.DEFAULTS);
    }

    /** Reads a form-sized workbook: at most {@link InputLimits#formRows()} non-blank rows in all, or it is refused. */
    public static SpreadsheetContent read(Path path, String displayName, InputLimits limits) {
        SpreadsheetFormat format = SpreadsheetFormat.sniff(path, displayName, limits);
        return switch (format) {
            case XLSX -> XlsxSheetSource.readAll(path, displayName, limits);
            case XLS -> XlsSheetSource.readAll(path, displayName, limits);
            case CSV -> throw new UnreadableFileException(displayName, Message.of("form.is_csv"));
        };
    }

    /** What is left of a form's rows and cells, spent as its sheets' rows are read: a form is a page or two. */
    static final class FormBudget {
        private int rows;
        private int cells;

        FormBudget(InputLimits limits) {
            this.rows = limits.formRows();
            this.cells = limits.formCells();
        }

        /** Spends a row; false once the form has more rows or cells than a form may. */
        boolean spend(SheetRow row) {
            rows--;
            cells -= row.cells().size();
            return rows >= 0 && cells >= 0;
        }
    }

    /**
     * A sheet's non-blank rows, within what is left of the form's budget: a form is a page or two, never a table of
     * thousands.
     */
    static List<SheetRow> readRows(SheetSource source, String displayName, FormBudget budget) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        for (SheetRow row; (row = source.next()) != null; ) {
            if (!budget.spend(row)) {
                throw new UnreadableFileException(displayName, Message.of("form.too_big"));
            }
            rows.add(row);
        }
        return rows;
    }
}
