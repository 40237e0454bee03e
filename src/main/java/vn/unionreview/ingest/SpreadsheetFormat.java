package vn.unionreview.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import vn.unionreview.text.Message;

/**
 * What a spreadsheet file really is, told from its first bytes rather than its name: offices send Excel 97-2003 files
 * named .xlsx, password-protected workbooks (an encrypted xlsx is an OLE2 file), and PDFs or Word documents in the
 * forms folder. Anything that is not a spreadsheet gets a reason a person can act on.
 */
public enum SpreadsheetFormat {
    XLSX,
    XLS,
    CSV;

    /** The reason given for a workbook that needs a password to open, whatever its format. */
    static final Message PASSWORD_PROTECTED = Message.of("file.password_protected");

    public static SpreadsheetFormat sniff(Path path, String displayName, InputLimits limits) {
        long size = sizeOf(path);
        if (size > limits.fileBytes()) {
            throw new UnreadableFileException(
                    displayName,
                    Message.of(
                            "file.too_big",
                            "size",
                            String.valueOf(size),
                            "limit",
                            String.valueOf(limits.fileBytes()),
                            "setting",
                            "union-review.input.limits.file-bytes"));
        }
        if (size == 0) {
            throw new UnreadableFileException(displayName, Message.of("file.empty"));
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new UnreadableFileException(
                    displayName, Message.of("file.cannot_read", "detail", String.valueOf(e.getMessage())), e);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        switch (magic) {
            case OOXML:
                return XLSX;
            case OLE2:
                if (size > limits.xlsBytes()) {
                    throw new UnreadableFileException(
                            displayName,
                            Message.of(
                                    "file.xls_too_big",
                                    "size",
                                    String.valueOf(size),
                                    "limit",
                                    String.valueOf(limits.xlsBytes()),
                                    "setting",
                                    "union-review.input.limits.xls-bytes"));
                }
                return ole2(path, displayName);
            case PDF:
                throw new UnreadableFileException(displayName, Message.of("file.pdf"));
            case WORD2:
            case RTF:
                throw new UnreadableFileException(displayName, Message.of("file.word_document"));
            case BIFF2:
            case BIFF3:
            case BIFF4:
                throw new UnreadableFileException(displayName, Message.of("file.old_excel"));
            case HTML:
            case XML:
                throw new UnreadableFileException(displayName, Message.of("file.html_or_xml"));
            default:
                if (name.endsWith(".csv")) {
                    return CSV;
                }
                if (Files.isRegularFile(path) && sizeOf(path) == 0) {
                    throw new UnreadableFileException(displayName, Message.of("file.empty"));
                }
                if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
                    throw new UnreadableFileException(displayName, Message.of("file.not_a_workbook"));
                }
                throw new UnreadableFileException(displayName, Message.of("file.not_a_spreadsheet"));
        }
    }

    /** An OLE2 file is an xls workbook, an encrypted xlsx (password to open), or another Office document. */
    private static SpreadsheetFormat ole2(Path path, String displayName) {
        try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                throw new UnreadableFileException(displayName, PASSWORD_PROTECTED);
            }
            if (fs.getRoot().hasEntry("Workbook")
                    || fs.getRoot().hasEntry("WORKBOOK")
                    || fs.getRoot().hasEntry("Book")) {
                WorkbookCheck.ole2Macros(fs.getRoot(), displayName);
                return XLS;
            }
            throw new UnreadableFileException(displayName, Message.of("file.office_not_workbook"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw UnreadableFileException.damaged(displayName, e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
