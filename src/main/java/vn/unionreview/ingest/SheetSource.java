package vn.unionreview.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Rows of the first sheet of a spreadsheet file, read one at a time so that a file of any size
 * is read in constant memory. Blank rows are skipped.
 */
public interface SheetSource extends AutoCloseable {

    /** The next non-blank row, or null at the end. */
    SheetRow next() throws IOException;

    /** Notes about how the file was read (e.g. the text encoding detected), for the input report. */
    default java.util.List<String> notes() {
        return java.util.List.of();
    }

    @Override
    void close() throws IOException;

    /** Opens a file by its extension; throws {@link UnreadableFileException} with a reason a user understands. */
    static SheetSource open(Path file, String displayName) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CsvSheetSource.open(file, displayName);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XlsxSheetSource.open(file, displayName);
        }
        throw new UnreadableFileException(displayName, "not a supported spreadsheet (expected .csv or .xlsx)");
    }
}
