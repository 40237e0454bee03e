package vn.unionreview.ingest;

import java.io.IOException;
import java.nio.file.Path;

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

    /** Opens a file by what its bytes say it is; throws {@link UnreadableFileException} with a reason a user understands. */
    static SheetSource open(Path file, String displayName) {
        return switch (SpreadsheetFormat.sniff(file, displayName)) {
            case CSV -> CsvSheetSource.open(file, displayName);
            case XLSX -> XlsxSheetSource.open(file, displayName);
            case XLS -> XlsSheetSource.open(file, displayName);
        };
    }
}
