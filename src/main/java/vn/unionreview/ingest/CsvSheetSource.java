package vn.unionreview.ingest;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

import vn.unionreview.text.Message;

/**
 * CSV in UTF-8 (with or without the byte-order mark Excel writes), UTF-16 with a byte-order mark (Excel's "Unicode
 * Text") or, when the bytes are not valid UTF-8, Windows-1258 (Vietnamese Windows). The delimiter is taken from the
 * header line: comma, semicolon (Excel with a Vietnamese locale, where the comma is the decimal mark) or tab. The row
 * number is the CSV record number, the header being row 1; {@link SheetRow#width()} is the row's number of fields.
 *
 * <p>What a text file cannot be is refused before a row is read: NUL bytes (a binary file, or UTF-16 without its
 * byte-order mark). What breaks the structure further on (a quote never closed, text after a closing quote, a row
 * longer than {@link InputLimits#rowCharacters()}, more rows or columns than the limits) ends the reading with an
 * {@link IOException} naming the line.
 */
final class CsvSheetSource implements SheetSource {

    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final BudgetReader budget;
    private final InputLimits limits;
    private final List<Message> notes;

    private CsvSheetSource(
            String file, CSVParser parser, BudgetReader budget, InputLimits limits, List<Message> notes) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.budget = budget;
        this.limits = limits;
        this.notes = notes;
    }

    static CsvSheetSource open(Path path, String displayName, InputLimits limits) {
        try {
            List<Message> notes = new ArrayList<>();
            Charset charset = detectCharset(path, displayName);
            if (!charset.equals(StandardCharsets.UTF_8)) {
                notes.add(
                        charset.equals(WINDOWS_1258)
                                ? Message.of("csv.read_as_windows_1258")
                                : Message.of("csv.read_as", "charset", charset.name()));
            }
            char delimiter = detectDelimiter(path, charset, limits);
            if (delimiter != ',') {
                notes.add(Message.of(
                        "csv.delimiter", "delimiter", delimiter == '\t' ? "\\t" : String.valueOf(delimiter)));
            }
            InputStream in = BOMInputStream.builder()
                    .setInputStream(new BufferedInputStream(Files.newInputStream(path)))
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                    .get();
            BudgetReader budget = new BudgetReader(new InputStreamReader(in, charset), limits.rowCharacters());
            CSVParser parser = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(budget);
            return new CsvSheetSource(displayName, parser, budget, limits, notes);
        } catch (IOException e) {
            throw new UnreadableFileException(
                    displayName, Message.of("file.cannot_read", "detail", String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * UTF-16 when its byte-order mark says so; otherwise UTF-8 when there is a BOM or every byte decodes as UTF-8,
     * Windows-1258 when not. Streams the file once.
     *
     * <p>A file whose bytes are more than {@value #BINARY_PERCENT}% control bytes (NUL and the like; tab and line ends
     * aside) is not text: a binary file named .csv, or UTF-16 saved without its byte-order mark (every other byte NUL);
     * it is refused whole. A few stray ones, such as a NUL typed into one cell, cost only the rows they are in: the
     * cell is read with them and refused by the row's checks.
     */
    static Charset detectCharset(Path path, String displayName) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(path))) {
            stream.mark(3);
            byte[] head = stream.readNBytes(3);
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            boolean bom = head.length == 3
                    && (head[0] & 0xFF) == 0xEF
                    && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            if (!bom) {
                stream.reset();
            }
            CharsetDecoder strict = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] chunk = new byte[1 << 16];
            ByteBuffer bytes = ByteBuffer.allocate((1 << 16) + 8);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            boolean utf8 = true;
            long offset = bom ? 3 : 0;
            long controls = 0;
            long firstControl = -1;
            for (int n; (n = stream.read(chunk)) >= 0; offset += n) {
                for (int i = 0; i < n; i++) {
                    if (isControlByte(chunk[i])) {
                        controls++;
                        firstControl = firstControl < 0 ? offset + i + 1 : firstControl;
                    }
                }
                if (utf8) {
                    bytes.put(chunk, 0, n).flip();
                    CoderResult result = strict.decode(bytes, chars, false);
                    chars.clear();
                    utf8 = !result.isError();
                    bytes.compact();
                }
            }
            if (controls > BINARY_MIN_BYTES && controls * 100 > offset * BINARY_PERCENT) {
                throw new UnreadableFileException(
                        displayName,
                        Message.of("csv.not_text", "controls", controls, "bytes", offset, "first", firstControl));
            }
            if (utf8) {
                bytes.flip();
                utf8 = !strict.decode(bytes, chars, true).isError() && !bytes.hasRemaining();
            }
            return utf8 || bom ? StandardCharsets.UTF_8 : WINDOWS_1258;
        }
    }

    /** More than this share of control bytes (percent) makes a file binary, not text. */
    static final int BINARY_PERCENT = 1;
    /** ... and more than this many: a handful of stray bytes in a small file is still text. */
    static final int BINARY_MIN_BYTES = 8;

    /** NUL and the other C0 controls but tab, line feed, carriage return and the old end-of-file mark (0x1A). */
    private static boolean isControlByte(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1A;
    }

    /** The delimiter most used in the first line; reads at most one row's budget of characters. */
    private static char detectDelimiter(Path path, Charset charset, InputLimits limits) throws IOException {
        try (Reader reader = new InputStreamReader(
                BOMInputStream.builder()
                        .setInputStream(new BufferedInputStream(Files.newInputStream(path)))
                        .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                        .get(),
                charset)) {
            long commas = 0;
            long semicolons = 0;
            long tabs = 0;
            for (int i = 0, c; i < limits.rowCharacters() && (c = reader.read()) >= 0 && c != '\n' && c != '\r'; i++) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }
    }

    @Override
    public SheetRow next() throws IOException {
        try {
            while (true) {
                budget.startRow();
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                long number = record.getRecordNumber();
                if (number > limits.tableRows()) {
                    throw new BrokenInputException(Message.of(
                            "table.too_many_rows",
                            "line",
                            String.valueOf(parser.getCurrentLineNumber()),
                            "limit",
                            String.valueOf(limits.tableRows())));
                }
                if (record.size() > limits.columns()) {
                    throw new BrokenInputException(Message.of(
                            "table.too_many_fields",
                            "line",
                            String.valueOf(parser.getCurrentLineNumber()),
                            "fields",
                            String.valueOf(record.size()),
                            "limit",
                            String.valueOf(limits.columns())));
                }
                int row = (int) number;
                List<SheetCell> cells = new ArrayList<>();
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i);
                    if (!value.isEmpty()) {
                        cells.add(SheetCell.of(i, SheetCell.ref(i, row), value, CellKind.UNTYPED));
                    }
                }
                SheetRow sheetRow = new SheetRow(file, "", row, cells, record.size());
                if (!sheetRow.isBlank()) {
                    return sheetRow;
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV's iterator wraps the parser's IOException; its message names the line
            throw new BrokenInputException(describe(e.getCause()), e);
        }
    }

    /** What broke the CSV's structure, said with its line. */
    private Message describe(IOException e) {
        if (e instanceof RowTooLongException) {
            return Message.of(
                    "csv.row_too_long",
                    "line",
                    String.valueOf(parser.getCurrentLineNumber() + 1),
                    "limit",
                    String.valueOf(budget.limit));
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            Matcher start = Pattern.compile("startline (\\d+)").matcher(message);
            return start.find()
                    ? Message.of("csv.quote_not_closed", "line", start.group(1))
                    : Message.of("csv.quote_not_closed_last");
        }
        if (message.toLowerCase(Locale.ROOT).contains("between encapsulated token and delimiter")) {
            Matcher line = Pattern.compile("line:? (\\d+)").matcher(message);
            return line.find()
                    ? Message.of("csv.text_after_quote", "line", line.group(1))
                    : Message.of("csv.text_after_quote_somewhere");
        }
        return Message.of("csv.malformed", "detail", message);
    }

    @Override
    public List<Message> notes() {
        return notes;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The characters of one row ran past the limit. */
    private static final class RowTooLongException extends IOException {
        RowTooLongException() {
            super("row too long");
        }
    }

    /**
     * Counts the characters handed to the parser since the last {@link #startRow()}: a quote that is never closed would
     * otherwise make Commons CSV gather the rest of a file of any size into one value. The parser reads ahead, so the
     * count runs a buffer ahead of the row; the limit is far above that.
     */
    private static final class BudgetReader extends FilterReader {

        final int limit;
        private long used;

        BudgetReader(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        void startRow() {
            used = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                spend(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                spend(n);
            }
            return n;
        }

        private void spend(int n) throws IOException {
            used += n;
            if (used > (long) limit + (1 << 16)) {
                throw new RowTooLongException();
            }
        }
    }
}
