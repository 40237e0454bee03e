package vn.unionreview.ingest;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Size limits that keep a hostile or broken file from costing the run its memory or its time, from
 * {@code union-review.input.limits.*}. A file past one is refused with the limit named; the run goes on. The defaults
 * are Excel's own limits where it has them, and generous elsewhere.
 *
 * @param fileBytes the largest input file read at all
 * @param xlsBytes the largest Excel 97-2003 file (read whole into memory)
 * @param tableRows rows of one consolidated table (Excel's sheet limit)
 * @param columns columns of any sheet or CSV row (Excel's sheet limit)
 * @param rowCharacters characters of one row (a CSV line, or the cells of an xlsx row): a quote opened and never closed
 *     stops here instead of swallowing the file
 * @param formRows non-blank rows in all the sheets of one form file
 * @param formCells non-blank cells in all the sheets of one form file (a form is read whole)
 * @param formSheets sheets in one form file
 * @param zipRatio how many times its compressed size a part of an xlsx may expand to (a zip bomb expands far more)
 * @param zipPartBytes the expanded size of one part of an xlsx
 * @param sharedTextBytes the expanded size of an xlsx's shared text (xl/sharedStrings.xml), which is held in memory
 */
public record InputLimits(
        long fileBytes,
        long xlsBytes,
        int tableRows,
        int columns,
        int rowCharacters,
        int formRows,
        int formCells,
        int formSheets,
        int zipRatio,
        long zipPartBytes,
        long sharedTextBytes) {

    public static final InputLimits DEFAULTS = new InputLimits(
            2L << 30, 32L << 20, 1_048_576, 16_384, 4 << 20, 10_000, 200_000, 255, 100, 2L << 30, 128L << 20);

    public InputLimits {
        if (fileBytes <= 0
                || xlsBytes <= 0
                || tableRows <= 0
                || columns <= 0
                || rowCharacters <= 0
                || formRows <= 0
                || formCells <= 0
                || formSheets <= 0
                || zipRatio <= 0
                || zipPartBytes <= 0
                || sharedTextBytes <= 0) {
            throw new IllegalArgumentException("every union-review.input.limits value must be positive");
        }
    }

    /** POI's zip checks are process-wide settings: they are set from these limits before a workbook is opened. */
    void applyToPoi() {
        ZipSecureFile.setMinInflateRatio(1.0 / zipRatio);
        ZipSecureFile.setMaxEntrySize(zipPartBytes);
    }
}
