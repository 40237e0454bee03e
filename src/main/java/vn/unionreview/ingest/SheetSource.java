package vn.unionreview.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import vn.unionreview.text.Message;

/**
 * Rows of the first sheet of a spreadsheet file, read one at a time so that a file of any size is read in constant
 * memory. Blank rows are skipped.
 */
public interface SheetSource extends AutoCloseable {

    /** The next non-blank row, or null at the end. */
    SheetRow next() throws IOException;

    /** Notes about how the file was read (e.g. the text encoding detected), for the input report. */
    default List<Message> notes() {
        return List.of();
    }

    @Override
    void close() throws IOException;

    /**
     * Opens a file by what its bytes say it is; throws {@link UnreadableFileException} with a reason a user
     * understands.
     */
    static SheetSource open(Path file, String displayName) {
        return open(file, displayName, InputLimits.DEFAULTS);
    }

    /** As {@link #open(Path, String)}, within {@code limits}. */
    static SheetSource open(Path file, String displayName, InputLimits limits) {
        return switch (SpreadsheetFormat.sniff(file, displayName, limits)) {
            case CSV -> CsvSheetSource.open(file, displayName, limits);
            case XLSX -> XlsxSheetSource.open(file, displayName, limits);
            case XLS -> XlsSheetSource.open(file, displayName, limits);
        };
    }
}
