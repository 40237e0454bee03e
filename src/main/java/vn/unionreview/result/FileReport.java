package vn.unionreview.result;

import java.util.Locale;
import java.util.Set;

import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.text.Message;

/**
 * What one input file gave: submissions (table rows, or the one form) accepted and rejected, and its input cells,
 * accepted (cells of accepted submissions) and rejected (cells of rejected ones), so that for every file cells read =
 * accepted + rejected; {@code cellsInvalid} counts the cells that were themselves unusable. {@code branch} is the
 * form's branch code (tables: the first code); {@code reason} why it was not read, or null.
 */
public record FileReport(
        String file,
        IngestRecord.Source source,
        boolean readable,
        Message reason,
        int rows,
        int rowsAccepted,
        int cellsRead,
        int cellsAccepted,
        int cellsInvalid,
        int cellsCorrected,
        String branch) {

    /**
     * The registry branch a file is named for ("CDCS-059.xlsx", "cdcs-059 (gửi lại).xls" → CDCS-059): the longest code
     * its name starts with, followed by no letter or digit; null when none. How a form that could not be read is put to
     * its branch.
     */
    public static String ownerByName(String file, Set<String> codes) {
        String name = file.substring(file.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
        for (int end = name.length(); end > 0; end--) {
            if ((end == name.length() || !Character.isLetterOrDigit(name.charAt(end)))
                    && codes.contains(name.substring(0, end))) {
                return name.substring(0, end);
            }
        }
        return null;
    }

    public int rowsRejected() {
        return rows - rowsAccepted;
    }

    public int cellsRejected() {
        return cellsRead - cellsAccepted;
    }
}
