package vn.unionreview.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.DirectoryNode;

import vn.unionreview.text.Message;

/**
 * What makes a workbook one to refuse before reading it, each with a reason a person can act on: a zip bomb, XML with a
 * DOCTYPE, macros, links to other workbooks, no sheet, a sheet name or a declared size no spreadsheet program writes, a
 * file cut short.
 */
final class WorkbookCheck {

    static final Message ZIP_BOMB = Message.of("file.zip_bomb");
    static final Message DOCTYPE = Message.of("file.doctype");
    static final Message MACROS = Message.of("file.macros");
    static final Message EXTERNAL_LINKS = Message.of("file.external_links");
    static final Message NO_SHEET = Message.of("file.no_sheet");
    static final Message INCOMPLETE = Message.of("file.incomplete");

    private WorkbookCheck() {}

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
     * Macros, external links and shared text too big to hold, told from the package's part names, content types and
     * sizes (nothing is read).
     */
    static void parts(OPCPackage pkg, String displayName, InputLimits limits) throws InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            if (name.equals("/xl/sharedstrings.xml") && part.getSize() > limits.sharedTextBytes()) {
                throw new UnreadableFileException(
                        displayName,
                        Message.of(
                                "file.shared_text_too_big",
                                "size",
                                String.valueOf(part.getSize()),
                                "limit",
                                String.valueOf(limits.sharedTextBytes()),
                                "setting",
                                "union-review.input.limits.shared-text-bytes"));
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
            throw new UnreadableFileException(
                    displayName,
                    Message.of(
                            "file.bad_sheet_name",
                            "sheet",
                            Texts.printable(sheet, 60),
                            "max",
                            String.valueOf(Bounds.SHEET_NAME)));
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
            throw new UnreadableFileException(
                    displayName,
                    Message.of(
                            "file.sheet_too_big",
                            "sheet",
                            sheet,
                            "size",
                            Texts.printable(ref, 40),
                            "rows",
                            String.valueOf(maxRows),
                            "columns",
                            String.valueOf(maxColumns)));
        }
    }

    /** The named reason behind an exception POI threw while opening or inflating a workbook, or null. */
    static Message namedReason(Throwable e) {
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
