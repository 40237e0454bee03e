package vn.unionreview.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.DirectoryNode;

/**
 * What makes a workbook one to refuse before reading it, each with a reason a person can act on:
 * a zip bomb, XML with a DOCTYPE, macros, links to other workbooks, no sheet, a sheet name or a
 * declared size no spreadsheet program writes, a file cut short.
 */
final class WorkbookCheck {

    static final String ZIP_BOMB = "a zip bomb: a part of the workbook expands to more than its allowed size or ratio"
            + " (union-review.input.limits.zip-ratio and zip-part-bytes): refused unread";
    static final String DOCTYPE = "the workbook's XML has a DOCTYPE or entity declarations, which no spreadsheet program writes"
            + " (they can make a reader fetch other files or expand without end): refused unread";
    static final String MACROS = "a macro-enabled workbook (xlsm, or a VBA project inside): save it as an Excel Workbook (.xlsx)"
            + " without macros and send it again";
    static final String EXTERNAL_LINKS = "the workbook links to other workbooks, so its values may be stale copies: break the links"
            + " (Data > Edit Links > Break Link), save, and send it again";
    static final String NO_SHEET = "the workbook has no sheet";
    static final String INCOMPLETE = "the workbook is incomplete (cut short while copying or downloading?): the end of its zip"
            + " directory is missing";

    private WorkbookCheck() {
    }

    /** A zip file ends with its directory: without it the file was cut short, and POI would guess from what is left. */
    static void complete(Path path, String displayName) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long length = file.length();
            int tail = (int) Math.min(length, 65_535 + 22);
            byte[] bytes = new byte[tail];
            file.seek(length - tail);
            file.readFully(bytes);
            for (int i = tail - 22; i >= 0; i--) {
                if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06) {
                    return;
                }
            }
        }
        throw new UnreadableFileException(displayName, INCOMPLETE);
    }

    /**
     * Macros, external links and shared text too big to hold, told from the package's part names, content
     * types and sizes (nothing is read).
     */
    static void parts(OPCPackage pkg, String displayName, InputLimits limits) throws InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            if (name.equals("/xl/sharedstrings.xml") && part.getSize() > limits.sharedTextBytes()) {
                throw new UnreadableFileException(displayName, "the workbook's shared text is " + part.getSize() + " bytes, more than"
                        + " the limit of " + limits.sharedTextBytes() + " (union-review.input.limits.shared-text-bytes): refused unread");
            }
            String type = part.getContentType().toLowerCase(Locale.ROOT);
            if (name.endsWith("vbaproject.bin") || type.contains("macroenabled") || type.contains("vbaproject")) {
                throw new UnreadableFileException(displayName, MACROS);
            }
            if (name.startsWith("/xl/externallinks/")) {
                throw new UnreadableFileException(displayName, EXTERNAL_LINKS);
            }
        }
    }

    /** An Excel 97-2003 workbook with a VBA project. */
    static void ole2Macros(DirectoryNode root, String displayName) {
        if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT")) {
            throw new UnreadableFileException(displayName, MACROS);
        }
    }

    /** The sheet's name if Excel could have written it: at most 31 characters, no control characters. */
    static String sheetName(String displayName, String sheet) {
        if (sheet == null || sheet.isEmpty() || sheet.length() > Bounds.SHEET_NAME || Texts.controlCount(sheet) > 0) {
            throw new UnreadableFileException(displayName, "a sheet is named '" + Texts.printable(sheet, 60) + "', which Excel does not"
                    + " allow (1 to " + Bounds.SHEET_NAME + " characters, no control characters): the file was not saved by a"
                    + " spreadsheet program");
        }
        return sheet;
    }

    /** Refuses a sheet whose declared used range ({@code <dimension ref="A1:XFD1048576"/>}) is past the limits. */
    static void dimension(String displayName, String sheet, String ref, int maxRows, int maxColumns) {
        if (ref == null) {
            return;
        }
        String last = ref.substring(ref.indexOf(':') + 1).replace("$", "").trim();
        int letters = 0;
        while (letters < last.length() && letters < 8 && Character.isLetter(last.charAt(letters))) {
            letters++;
        }
        long rows;
        try {
            rows = letters == last.length() ? 0 : Long.parseLong(last.substring(letters));
        } catch (NumberFormatException e) {
            return; // not a size: the rows themselves will tell
        }
        long columns = letters > 3 ? Long.MAX_VALUE : XlsxSheetSource.columnIndex(last) + 1L;
        if (rows > maxRows || columns > maxColumns) {
            throw new UnreadableFileException(displayName, "sheet '" + sheet + "' declares its size as " + Texts.printable(ref, 40)
                    + ", past the limit of " + maxRows + " rows and " + maxColumns + " columns (union-review.input.limits):"
                    + " refused unread");
        }
    }

    /** The named reason behind an exception POI threw while opening or inflating a workbook, or null. */
    static String namedReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb detected")) {
                return ZIP_BOMB;
            }
            if (message.contains("DOCTYPE") || message.contains("DTD")) {
                return DOCTYPE;
            }
        }
        return null;
    }
}
