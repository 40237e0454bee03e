package vn.unionreview.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import vn.unionreview.text.Message;

/**
 * The first sheet of an xlsx workbook, streamed: POI opens the package and the shared strings, and the sheet XML is
 * pulled row by row with StAX, so memory does not grow with the number of rows. Formulas give their cached value; a
 * formula saved without one is reported as such, never as blank.
 *
 * <p>A workbook no spreadsheet program would save, or one that could cost the run its memory, is refused with a reason
 * naming what it is (see {@link WorkbookCheck}): a zip bomb, XML with a DOCTYPE, macros, links to other workbooks, no
 * sheet, a sheet declaring more rows or columns than allowed. Damage past the first row ends the reading with an
 * {@link IOException} naming the row.
 */
final class XlsxSheetSource implements SheetSource {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    private static final Pattern EXCEL_NUMBER =
            Pattern.compile("\\s*[-+]?\\d{0,30}(\\.\\d{0,30})?([eE][-+]?\\d{1,3})?\\s*");

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final String file;
    private final String sheet;
    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;
    private final InputLimits limits;
    private final int rowLimit;
    private int lastRow;

    /**
     * Opens a sheet's XML and reads up to its rows, refusing a DOCTYPE, or a declared size or a row past
     * {@code rowLimit}.
     */
    private XlsxSheetSource(
            String file,
            String sheet,
            OPCPackage pkg,
            ReadOnlySharedStringsTable strings,
            InputStream sheetStream,
            InputLimits limits,
            int rowLimit)
            throws XMLStreamException {
        this.file = file;
        this.sheet = sheet;
        this.pkg = pkg;
        this.strings = strings;
        this.sheetStream = sheetStream;
        this.limits = limits;
        this.rowLimit = rowLimit;
        this.xml = XML.createXMLStreamReader(sheetStream);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new UnreadableFileException(file, WorkbookCheck.DOCTYPE);
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("dimension")) {
                WorkbookCheck.dimension(file, sheet, xml.getAttributeValue(null, "ref"), rowLimit, limits.columns());
            } else if (event == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("sheetData")) {
                break;
            }
        }
    }

    static XlsxSheetSource open(Path path, String displayName, InputLimits limits) {
        Opened opened = Opened.of(path, displayName, limits);
        try {
            if (!opened.sheets().hasNext()) {
                throw new UnreadableFileException(displayName, WorkbookCheck.NO_SHEET);
            }
            InputStream first = opened.sheets().next();
            String name = WorkbookCheck.sheetName(displayName, opened.sheets().getSheetName());
            return new XlsxSheetSource(
                    displayName, name, opened.pkg(), opened.strings(), first, limits, limits.tableRows());
        } catch (Exception e) {
            closeQuietly(opened.pkg());
            throw unreadable(displayName, e);
        }
    }

    /**
     * Every sheet of a small workbook (a form), read whole; the saved time is the one the workbook records about itself
     * (docProps/core.xml), so it travels with the file and its archive copy.
     */
    static SpreadsheetContent readAll(Path path, String displayName, InputLimits limits) {
        Opened opened = Opened.of(path, displayName, limits);
        try {
            List<SpreadsheetContent.Sheet> out = new ArrayList<>();
            SpreadsheetContent.FormBudget budget = new SpreadsheetContent.FormBudget(limits);
            while (opened.sheets().hasNext()) {
                if (out.size() == limits.formSheets()) {
                    throw new UnreadableFileException(
                            displayName,
                            Message.of("form.too_many_sheets", "limit", String.valueOf(limits.formSheets())));
                }
                try (InputStream stream = opened.sheets().next()) {
                    String name =
                            WorkbookCheck.sheetName(displayName, opened.sheets().getSheetName());
                    // a form's non-blank rows are limited (readRows); its declared size may be anything Excel allows
                    XlsxSheetSource source = new XlsxSheetSource(
                            displayName, name, null, opened.strings(), stream, limits, Bounds.SHEET_ROWS);
                    out.add(new SpreadsheetContent.Sheet(
                            name, SpreadsheetContent.readRows(source, displayName, budget)));
                }
            }
            if (out.isEmpty()) {
                throw new UnreadableFileException(displayName, WorkbookCheck.NO_SHEET);
            }
            var props = opened.pkg().getPackageProperties();
            return new SpreadsheetContent(
                    displayName,
                    out,
                    new WorkbookProperties(
                            WorkbookProperties.instant(
                                    props.getModifiedProperty().orElse(null)),
                            WorkbookProperties.orNull(
                                    () -> props.getCreatorProperty().orElse(null)),
                            WorkbookProperties.orNull(
                                    () -> props.getLastModifiedByProperty().orElse(null)),
                            WorkbookProperties.instant(
                                    props.getCreatedProperty().orElse(null))));
        } catch (Exception e) {
            throw unreadable(displayName, e);
        } finally {
            closeQuietly(opened.pkg());
        }
    }

    /** A workbook package opened read-only, with its shared strings and its sheets in workbook order. */
    private record Opened(OPCPackage pkg, ReadOnlySharedStringsTable strings, XSSFReader.SheetIterator sheets) {

        static Opened of(Path path, String displayName, InputLimits limits) {
            OPCPackage pkg = null;
            try {
                WorkbookCheck.complete(path, displayName);
                limits.applyToPoi();
                pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
                WorkbookCheck.parts(pkg, displayName, limits);
                XSSFReader reader = new XSSFReader(pkg);
                return new Opened(pkg, new ReadOnlySharedStringsTable(pkg, false), (XSSFReader.SheetIterator)
                        reader.getSheetsData());
            } catch (Exception e) {
                closeQuietly(pkg);
                throw unreadable(displayName, e);
            }
        }
    }

    /** What went wrong opening or reading a workbook, said so a person can act on it. */
    private static UnreadableFileException unreadable(String displayName, Exception e) {
        if (e instanceof UnreadableFileException u) {
            return u;
        }
        Message named = WorkbookCheck.namedReason(e);
        if (named != null) {
            return new UnreadableFileException(displayName, named, e);
        }
        if (e instanceof OLE2NotOfficeXmlFileException) {
            return new UnreadableFileException(displayName, SpreadsheetFormat.PASSWORD_PROTECTED, e);
        }
        if (e instanceof NotOfficeXmlFileException
                || e instanceof InvalidFormatException
                || e instanceof InvalidOperationException) {
            return new UnreadableFileException(displayName, Message.of("file.not_xlsx"), e);
        }
        return UnreadableFileException.damaged(displayName, e);
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("row")) {
                    SheetRow row = readRow();
                    if (!row.isBlank()) {
                        return row;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("sheetData")) {
                    return null;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            Message named = WorkbookCheck.namedReason(e);
            throw new BrokenInputException(
                    named != null
                            ? named
                            : Message.of(
                                    "sheet.damaged_after",
                                    "row",
                                    String.valueOf(lastRow),
                                    "detail",
                                    String.valueOf(e.getMessage())),
                    e);
        } catch (RuntimeException e) {
            // a zip bomb found while inflating, or POI failing on a damaged part: the message says which
            Message named = WorkbookCheck.namedReason(e);
            throw new BrokenInputException(
                    named != null
                            ? named
                            : Message.of(
                                    "sheet.damaged_after", "row", String.valueOf(lastRow), "detail", String.valueOf(e)),
                    e);
        }
    }

    private SheetRow readRow() throws XMLStreamException, IOException {
        String r = xml.getAttributeValue(null, "r");
        int number;
        try {
            number = r == null ? lastRow + 1 : Integer.parseInt(r.trim()); // r is optional: then the row after the last
        } catch (NumberFormatException e) {
            throw new BrokenInputException(Message.of(
                    "sheet.bad_row_number", "row", String.valueOf(lastRow), "number", Texts.printable(r, 20)));
        }
        if (number <= lastRow || number > rowLimit) {
            throw new BrokenInputException(
                    number > rowLimit
                            ? Message.of(
                                    "sheet.too_many_rows",
                                    "row",
                                    String.valueOf(lastRow),
                                    "number",
                                    String.valueOf(number),
                                    "limit",
                                    String.valueOf(rowLimit))
                            : Message.of(
                                    "sheet.rows_out_of_order",
                                    "row",
                                    String.valueOf(lastRow),
                                    "number",
                                    String.valueOf(number)));
        }
        lastRow = number;
        List<SheetCell> cells = new ArrayList<>();
        long characters = 0;
        int position = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                SheetCell cell = readCell(number, position);
                if (cell != null) {
                    characters += cell.text().length();
                    if (characters > limits.rowCharacters()) {
                        throw new BrokenInputException(Message.of(
                                "sheet.row_too_long",
                                "row",
                                String.valueOf(number),
                                "limit",
                                String.valueOf(limits.rowCharacters()),
                                "setting",
                                "union-review.input.limits.row-characters"));
                    }
                    cells.add(cell);
                    position = cell.column() + 1;
                } else {
                    position++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new SheetRow(file, sheet, number, cells);
    }

    private SheetCell readCell(int row, int position) throws XMLStreamException, IOException {
        String ref = xml.getAttributeValue(null, "r");
        String type = xml.getAttributeValue(null, "t");
        int column = ref == null ? position : columnIndex(ref);
        if (column < 0 || column >= limits.columns()) {
            throw new BrokenInputException(Message.of(
                    "sheet.cell_past_columns",
                    "row",
                    String.valueOf(row),
                    "cell",
                    Texts.printable(ref, 20),
                    "limit",
                    String.valueOf(limits.columns())));
        }
        boolean formula = false;
        String value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "f" -> {
                        formula = true;
                        xml.getElementText();
                    }
                    case "v" -> value = xml.getElementText();
                    case "t" -> {
                        inline = inline == null ? new StringBuilder() : inline;
                        inline.append(xml.getElementText());
                    }
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("c")) {
                break;
            }
        }
        String cellRef = SheetCell.ref(column, row); // from the position, never the file's text
        if ("inlineStr".equals(type)) {
            return inline == null ? null : SheetCell.of(column, cellRef, inline.toString(), CellKind.TEXT);
        }
        if (value == null) {
            return formula ? new SheetCell(column, cellRef, "", CellKind.FORMULA_WITHOUT_VALUE) : null;
        }
        return switch (type == null ? "n" : type) {
            case "s" -> SheetCell.of(column, cellRef, sharedString(value, cellRef), CellKind.TEXT);
            case "str" -> SheetCell.of(column, cellRef, value, CellKind.TEXT);
            case "b" -> new SheetCell(column, cellRef, "1".equals(value.trim()) ? "true" : "false", CellKind.BOOLEAN);
            case "e" -> SheetCell.of(column, cellRef, value, CellKind.ERROR);
            default -> SheetCell.of(column, cellRef, numberText(value), CellKind.NUMBER);
        };
    }

    private String sharedString(String index, String cellRef) throws IOException {
        try {
            return strings.getItemAt(Integer.parseInt(index.trim())).getString();
        } catch (RuntimeException e) {
            throw new BrokenInputException(
                    Message.of("sheet.missing_shared_text", "cell", cellRef, "index", Texts.printable(index, 20)), e);
        }
    }

    /**
     * Excel stores numbers as binary doubles, so a computed 8.5 may be saved as 8.499999999999998. Scores never need
     * more than 9 decimals: rounding there removes the noise and nothing else.
     */
    static String numberText(String stored) {
        if (!EXCEL_NUMBER.matcher(stored).matches()) {
            // not a number Excel writes (a double has at most 17 digits and a 3-digit exponent): left as text, to be
            // refused
            // as such; new BigDecimal("1E-999999999").setScale(9) alone would take minutes
            return stored;
        }
        try {
            BigDecimal exact = new BigDecimal(stored.trim())
                    .setScale(9, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
            return (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    /** The 0-based column of an A1 reference; -1 when it has no letters, or more than a sheet has columns. */
    static int columnIndex(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && i < 4 && ref.charAt(i) < 128 && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream below is closed next either way
        }
        sheetStream.close();
        if (pkg != null) {
            pkg.revert(); // opened read-only: never write back
        }
    }

    private static void closeQuietly(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }
}
