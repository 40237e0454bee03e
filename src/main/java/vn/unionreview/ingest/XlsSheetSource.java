package vn.unionreview.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import vn.unionreview.text.Message;

/**
 * Excel 97-2003 (.xls) workbooks, still common in offices. The format holds at most 65,536 rows a sheet, so POI's
 * in-memory model is bounded; formulas always carry their last result in this format.
 */
final class XlsSheetSource implements SheetSource {

    private final String file;
    private final String sheet;
    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;

    private XlsSheetSource(String file, HSSFWorkbook workbook, Sheet sheet) {
        this.file = file;
        this.workbook = workbook;
        this.sheet = WorkbookCheck.sheetName(file, sheet.getSheetName());
        this.rows = sheet.rowIterator();
    }

    static XlsSheetSource open(Path path, String displayName, InputLimits limits) {
        HSSFWorkbook workbook = load(path, displayName);
        if (workbook.getNumberOfSheets() == 0) {
            closeQuietly(workbook);
            throw new UnreadableFileException(displayName, WorkbookCheck.NO_SHEET);
        }
        try {
            return new XlsSheetSource(displayName, workbook, workbook.getSheetAt(0));
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            throw e;
        }
    }

    static SpreadsheetContent readAll(Path path, String displayName, InputLimits limits) {
        HSSFWorkbook workbook = load(path, displayName);
        try {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFileException(displayName, WorkbookCheck.NO_SHEET);
            }
            if (workbook.getNumberOfSheets() > limits.formSheets()) {
                throw new UnreadableFileException(
                        displayName, Message.of("form.too_many_sheets", "limit", String.valueOf(limits.formSheets())));
            }
            List<SpreadsheetContent.Sheet> sheets = new ArrayList<>();
            SpreadsheetContent.FormBudget budget = new SpreadsheetContent.FormBudget(limits);
            for (Sheet sheet : workbook) {
                sheets.add(new SpreadsheetContent.Sheet(
                        WorkbookCheck.sheetName(displayName, sheet.getSheetName()),
                        SpreadsheetContent.readRows(
                                new XlsSheetSource(displayName, workbook, sheet), displayName, budget)));
            }
            SummaryInformation summary = workbook.getSummaryInformation();
            return new SpreadsheetContent(
                    displayName,
                    sheets,
                    summary == null
                            ? WorkbookProperties.NONE
                            : new WorkbookProperties(
                                    WorkbookProperties.instant(summary.getLastSaveDateTime()),
                                    WorkbookProperties.orNull(summary::getAuthor),
                                    WorkbookProperties.orNull(summary::getLastAuthor),
                                    WorkbookProperties.instant(summary.getCreateDateTime())));
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw UnreadableFileException.damaged(displayName, e);
        } finally {
            closeQuietly(workbook);
        }
    }

    private static HSSFWorkbook load(Path path, String displayName) {
        // read into memory (an xls file is at most a few MB): nothing stays open, and the document
        // properties, which POI reads lazily, can still be read after loading
        try (InputStream in = Files.newInputStream(path)) {
            return new HSSFWorkbook(new POIFSFileSystem(in).getRoot(), true);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException(displayName, SpreadsheetFormat.PASSWORD_PROTECTED, e);
        } catch (IOException | RuntimeException e) {
            throw UnreadableFileException.damaged(displayName, e);
        }
    }

    @Override
    public SheetRow next() {
        while (rows.hasNext()) {
            Row row = rows.next();
            List<SheetCell> cells = new ArrayList<>();
            for (Cell cell : row) {
                SheetCell read = read(cell);
                if (read != null) {
                    cells.add(read);
                }
            }
            SheetRow sheetRow = new SheetRow(file, sheet, row.getRowNum() + 1, cells);
            if (!sheetRow.isBlank()) {
                return sheetRow;
            }
        }
        return null;
    }

    private static SheetCell read(Cell cell) {
        String ref = SheetCell.ref(cell.getColumnIndex(), cell.getRowIndex() + 1);
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> {
                String text = cell.getRichStringCellValue().getString();
                yield text.isEmpty() ? null : SheetCell.of(cell.getColumnIndex(), ref, text, CellKind.TEXT);
            }
            case NUMERIC ->
                new SheetCell(
                        cell.getColumnIndex(),
                        ref,
                        XlsxSheetSource.numberText(
                                BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()),
                        CellKind.NUMBER);
            case BOOLEAN ->
                new SheetCell(
                        cell.getColumnIndex(), ref, Boolean.toString(cell.getBooleanCellValue()), CellKind.BOOLEAN);
            case ERROR ->
                new SheetCell(
                        cell.getColumnIndex(),
                        ref,
                        FormulaError.forInt(cell.getErrorCellValue()).getString(),
                        CellKind.ERROR);
            default -> null;
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private static void closeQuietly(HSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
