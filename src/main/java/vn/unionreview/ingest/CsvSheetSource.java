package vn.unionreview.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * CSV in UTF-8 (with or without the byte-order mark Excel writes) or, when the bytes are not valid
 * UTF-8, Windows-1258 (Vietnamese Windows). The delimiter is taken from the header line: comma,
 * semicolon (Excel with a Vietnamese locale, where the comma is the decimal mark) or tab.
 * The row number is the CSV record number, the header being row 1.
 */
final class CsvSheetSource implements SheetSource {

    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> notes;

    private CsvSheetSource(String file, CSVParser parser, List<String> notes) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.notes = notes;
    }

    static CsvSheetSource open(Path path, String displayName) {
        try {
            List<String> notes = new ArrayList<>();
            Charset charset = detectCharset(path);
            if (!charset.equals(StandardCharsets.UTF_8)) {
                notes.add("not valid UTF-8: read as " + charset.name());
            }
            char delimiter = detectDelimiter(path, charset);
            if (delimiter != ',') {
                notes.add("delimiter '" + (delimiter == '\t' ? "\\t" : delimiter) + "'");
            }
            InputStream in = BOMInputStream.builder().setInputStream(new BufferedInputStream(Files.newInputStream(path))).get();
            Reader reader = new InputStreamReader(in, charset);
            CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .get().parse(reader);
            return new CsvSheetSource(displayName, parser, notes);
        } catch (IOException e) {
            throw new UnreadableFileException(displayName, "cannot read: " + e.getMessage(), e);
        }
    }

    /** UTF-8 when there is a BOM or every byte decodes as UTF-8; Windows-1258 otherwise. Streams the file once. */
    static Charset detectCharset(Path path) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(path))) {
            stream.mark(3);
            byte[] bom = stream.readNBytes(3);
            if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
            stream.reset();
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new InputStreamReader(stream, strict);
            char[] buffer = new char[1 << 14];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1258;
        }
    }

    private static char detectDelimiter(Path path, Charset charset) throws IOException {
        try (var reader = Files.newBufferedReader(path, charset)) {
            String header = reader.readLine();
            if (header == null) {
                return ',';
            }
            long commas = header.chars().filter(c -> c == ',').count();
            long semicolons = header.chars().filter(c -> c == ';').count();
            long tabs = header.chars().filter(c -> c == '\t').count();
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int row = (int) record.getRecordNumber();
                List<SheetCell> cells = new ArrayList<>();
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i);
                    if (!value.isEmpty()) {
                        cells.add(new SheetCell(i, SheetCell.ref(i, row), value, CellKind.UNTYPED));
                    }
                }
                SheetRow sheetRow = new SheetRow(file, "", row, cells);
                if (!sheetRow.isBlank()) {
                    return sheetRow;
                }
            }
            return null;
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(file + ": malformed CSV near record " + parser.getRecordNumber() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
