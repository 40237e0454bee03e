package vn.unionreview.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * POI's streamed sheet writer with its two costs at national size taken out, writing the same bytes: number and text
 * cells are written without building a {@code CellReference} and an attribute string per cell, and the XML goes to the
 * temporary file through {@link Utf8Writer} instead of a {@code BufferedWriter} over a charset encoder. A results
 * workbook of 150,000 branches has 13 million cells; every other kind of cell is left to POI.
 */
final class LeanSheetDataWriter extends SheetDataWriter {

    private String rowNumber = "";

    LeanSheetDataWriter() throws IOException {
        super();
    }

    @Override
    public Writer createWriter(File fd) throws IOException {
        return new Utf8Writer(new FileOutputStream(fd));
    }

    @Override
    public void writeRow(int rownum, SXSSFRow row) throws IOException {
        rowNumber = Integer.toString(rownum + 1);
        super.writeRow(rownum, row);
    }

    @Override
    public void writeCell(int columnIndex, Cell cell) throws IOException {
        if (cell == null) {
            return;
        }
        CellType type = cell.getCellType();
        if (type != CellType.NUMERIC && type != CellType.STRING) {
            super.writeCell(columnIndex, cell);
            return;
        }
        _out.write("<c r=\"");
        writeColumn(columnIndex);
        _out.write(rowNumber);
        _out.write('"');
        int style = cell.getCellStyle().getIndex() & 0xffff;
        if (style != 0) {
            _out.write(" s=\"");
            _out.write(Integer.toString(style));
            _out.write('"');
        }
        if (type == CellType.NUMERIC) {
            _out.write(" t=\"n\"><v>");
            _out.write(Double.toString(cell.getNumericCellValue()));
            _out.write("</v></c>");
        } else {
            String value = cell.getStringCellValue();
            _out.write(" t=\"inlineStr\"><is><t");
            if (!value.isEmpty()
                    && (Character.isWhitespace(value.charAt(0))
                            || Character.isWhitespace(value.charAt(value.length() - 1)))) {
                _out.write(" xml:space=\"preserve\"");
            }
            _out.write('>');
            outputEscapedString(value);
            _out.write("</t></is></c>");
        }
    }

    /** A, B, …, Z, AA, …: the column letters of a cell reference. */
    private void writeColumn(int index) throws IOException {
        if (index >= 26) {
            writeColumn(index / 26 - 1);
        }
        _out.write('A' + index % 26);
    }

    /** As POI escapes text, character for character, without iterating code points where nothing needs it. */
    @Override
    protected void outputEscapedString(String s) throws IOException {
        if (s == null) {
            return;
        }
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\n' -> "&#xa;";
                case '\r' -> "&#xd;";
                case '\t' -> "&#x9;";
                case '\u00A0' -> "&#xa0;";
                default -> c < ' ' || c == '\uFFFE' || c == '\uFFFF' ? "?" : null; // as XmlBeans does
            };
            if (escaped != null) {
                _out.write(s, plainFrom, i - plainFrom);
                _out.write(escaped);
                plainFrom = i + 1;
            }
        }
        _out.write(s, plainFrom, s.length() - plainFrom);
    }

    /**
     * UTF-8 straight into a byte buffer: what {@code OutputStreamWriter} writes, a malformed surrogate as '?' included,
     * at a fraction of the cost for the many short strings of a sheet.
     */
    static final class Utf8Writer extends Writer {

        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];
        private int size;
        private char highSurrogate;
        private boolean closed;

        Utf8Writer(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            put((char) c);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                put(s.charAt(i));
            }
        }

        @Override
        public void write(char[] chars, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                put(chars[i]);
            }
        }

        private void put(char c) throws IOException {
            if (size > buffer.length - 4) {
                drain();
            }
            if (highSurrogate != 0) {
                char high = highSurrogate;
                highSurrogate = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    buffer[size++] = (byte) (0xF0 | cp >> 18);
                    buffer[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buffer[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buffer[size++] = (byte) (0x80 | cp & 0x3F);
                    return;
                }
                buffer[size++] = '?';
                put(c);
                return;
            }
            if (c < 0x80) {
                buffer[size++] = (byte) c;
            } else if (c < 0x800) {
                buffer[size++] = (byte) (0xC0 | c >> 6);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                highSurrogate = c;
            } else if (Character.isLowSurrogate(c)) {
                buffer[size++] = '?';
            } else {
                buffer[size++] = (byte) (0xE0 | c >> 12);
                buffer[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[size++] = (byte) (0x80 | c & 0x3F);
            }
        }

        private void drain() throws IOException {
            out.write(buffer, 0, size);
            size = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        /** A surrogate left without its pair is written as '?'; closing again (POI does) does nothing. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (highSurrogate != 0) {
                    highSurrogate = 0;
                    buffer[size++] = '?';
                }
                flush();
            } finally {
                out.close();
            }
        }
    }
}
