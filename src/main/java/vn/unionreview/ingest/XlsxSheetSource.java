package vn.unionreview.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The first sheet of an xlsx workbook, streamed: POI opens the package and the shared strings, and
 * the sheet XML is pulled row by row with StAX, so memory does not grow with the number of rows.
 * Formulas give their cached value; a formula saved without one is reported as such, never as blank.
 */
final class XlsxSheetSource implements SheetSource {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

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

    private XlsxSheetSource(String file, String sheet, OPCPackage pkg, ReadOnlySharedStringsTable strings,
                            InputStream sheetStream) throws XMLStreamException {
        this.file = file;
        this.sheet = sheet;
        this.pkg = pkg;
        this.strings = strings;
        this.sheetStream = sheetStream;
        this.xml = XML.createXMLStreamReader(sheetStream);
    }

    static XlsxSheetSource open(Path path, String displayName) {
        Opened opened = Opened.of(path, displayName);
        try {
            if (!opened.sheets().hasNext()) {
                throw new UnreadableFileException(displayName, "the workbook has no sheet");
            }
            InputStream first = opened.sheets().next();
            return new XlsxSheetSource(displayName, opened.sheets().getSheetName(), opened.pkg(), opened.strings(), first);
        } catch (Exception e) {
            closeQuietly(opened.pkg());
            throw unreadable(displayName, e);
        }
    }

    /**
     * Every sheet of a small workbook (a form), read whole; the saved time is the one the workbook
     * records about itself (docProps/core.xml), so it travels with the file and its archive copy.
     */
    static SpreadsheetContent readAll(Path path, String displayName) {
        Opened opened = Opened.of(path, displayName);
        try {
            List<SpreadsheetContent.Sheet> out = new ArrayList<>();
            while (opened.sheets().hasNext()) {
                try (InputStream stream = opened.sheets().next()) {
                    String name = opened.sheets().getSheetName();
                    XlsxSheetSource source = new XlsxSheetSource(displayName, name, null, opened.strings(), stream);
                    out.add(new SpreadsheetContent.Sheet(name, SpreadsheetContent.readRows(source)));
                }
            }
            java.util.Date modified = opened.pkg().getPackageProperties().getModifiedProperty().orElse(null);
            return new SpreadsheetContent(displayName, out, modified == null ? null : modified.toInstant());
        } catch (Exception e) {
            throw unreadable(displayName, e);
        } finally {
            closeQuietly(opened.pkg());
        }
    }

    /** A workbook package opened read-only, with its shared strings and its sheets in workbook order. */
    private record Opened(OPCPackage pkg, ReadOnlySharedStringsTable strings, XSSFReader.SheetIterator sheets) {

        static Opened of(Path path, String displayName) {
            OPCPackage pkg = null;
            try {
                pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
                XSSFReader reader = new XSSFReader(pkg);
                return new Opened(pkg, new ReadOnlySharedStringsTable(pkg, false), (XSSFReader.SheetIterator) reader.getSheetsData());
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
        if (e instanceof OLE2NotOfficeXmlFileException) {
            return new UnreadableFileException(displayName, SpreadsheetFormat.PASSWORD_PROTECTED, e);
        }
        if (e instanceof NotOfficeXmlFileException || e instanceof InvalidFormatException
                || e instanceof org.apache.poi.openxml4j.exceptions.InvalidOperationException) {
            return new UnreadableFileException(displayName, "not an xlsx workbook, or the file is damaged", e);
        }
        return new UnreadableFileException(displayName, "the workbook is damaged: " + e.getMessage(), e);
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    SheetRow row = readRow();
                    if (!row.isBlank()) {
                        return row;
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new IOException(file + ": damaged sheet XML: " + e.getMessage(), e);
        }
    }

    private SheetRow readRow() throws XMLStreamException {
        int number = Integer.parseInt(xml.getAttributeValue(null, "r"));
        List<SheetCell> cells = new ArrayList<>();
        int position = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                SheetCell cell = readCell(number, position);
                if (cell != null) {
                    cells.add(cell);
                    position = cell.column() + 1;
                } else {
                    position++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new SheetRow(file, sheet, number, cells);
    }

    private SheetCell readCell(int row, int position) throws XMLStreamException {
        String ref = xml.getAttributeValue(null, "r");
        String type = xml.getAttributeValue(null, "t");
        int column = ref == null ? position : columnIndex(ref);
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
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
        }
        String cellRef = ref == null ? SheetCell.ref(column, row) : ref;
        if ("inlineStr".equals(type)) {
            return inline == null ? null : new SheetCell(column, cellRef, inline.toString(), CellKind.TEXT);
        }
        if (value == null) {
            return formula ? new SheetCell(column, cellRef, "", CellKind.FORMULA_WITHOUT_VALUE) : null;
        }
        return switch (type == null ? "n" : type) {
            case "s" -> new SheetCell(column, cellRef, strings.getItemAt(Integer.parseInt(value.trim())).getString(), CellKind.TEXT);
            case "str" -> new SheetCell(column, cellRef, value, CellKind.TEXT);
            case "b" -> new SheetCell(column, cellRef, "1".equals(value.trim()) ? "true" : "false", CellKind.BOOLEAN);
            case "e" -> new SheetCell(column, cellRef, value, CellKind.ERROR);
            default -> new SheetCell(column, cellRef, numberText(value), CellKind.NUMBER);
        };
    }

    /**
     * Excel stores numbers as binary doubles, so a computed 8.5 may be saved as 8.499999999999998.
     * Scores never need more than 9 decimals: rounding there removes the noise and nothing else.
     */
    static String numberText(String stored) {
        try {
            BigDecimal exact = new BigDecimal(stored.trim()).setScale(9, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    private static int columnIndex(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
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
