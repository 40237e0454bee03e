package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.text.Message;

class CsvSheetSourceTest {

    @TempDir
    Path dir;

    private List<SheetRow> read(Path file) throws Exception {
        List<SheetRow> rows = new ArrayList<>();
        try (SheetSource source = SheetSource.open(file, file.getFileName().toString())) {
            for (SheetRow r; (r = source.next()) != null; ) {
                rows.add(r);
            }
        }
        return rows;
    }

    @Test
    void readsUtf8WithTheByteOrderMarkExcelWrites() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(
                file,
                ("\uFEFFcode,name\nCDCS-001,Công đoàn Trường THPT Nguyễn Trãi\n").getBytes(StandardCharsets.UTF_8));
        List<SheetRow> rows = read(file);
        assertThat(rows.get(0).cell(0).text())
                .as("no BOM left in the first header")
                .isEqualTo("code");
        assertThat(rows.get(1).cell(1).text()).isEqualTo("Công đoàn Trường THPT Nguyễn Trãi");
        assertThat(rows.get(1).number()).isEqualTo(2);
        assertThat(rows.get(1).cell(1).ref()).isEqualTo("B2");
    }

    @Test
    void readsWindows1258WithItsCombiningToneMarks() throws Exception {
        // "Công đoàn Trường" as Vietnamese Windows writes it: ô = F4, đ = F0, grave accent = CC (combining), ư = FD, ơ
        // = F5
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("code,name\nCDCS-001,C".getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(new byte[] {
            (byte) 0xF4,
            'n',
            'g',
            ' ',
            (byte) 0xF0,
            'o',
            'a',
            (byte) 0xCC,
            'n',
            ' ',
            'T',
            'r',
            (byte) 0xFD,
            (byte) 0xF5,
            (byte) 0xCC,
            'n',
            'g',
            '\n'
        });
        Path file = dir.resolve("cp1258.csv");
        Files.write(file, bytes.toByteArray());
        try (SheetSource source = SheetSource.open(file, "cp1258.csv")) {
            source.next();
            SheetRow row = source.next();
            assertThat(Texts.clean(row.cell(1).text())).isEqualTo("Công đoàn Trường");
            assertThat(source.notes().stream().map(Message::english).toList())
                    .containsExactly("not valid UTF-8: read as windows-1258");
        }
    }

    @Test
    void takesTheSemicolonDelimiterOfAVietnameseLocaleExcel() throws Exception {
        Path file = dir.resolve("semi.csv");
        Files.writeString(file, "code;A1\nCDCS-001;8,5\n");
        List<SheetRow> rows = read(file);
        assertThat(rows.get(1).cell(1).text()).isEqualTo("8,5");
    }

    @Test
    void skipsBlankLinesButKeepsRowNumbersAsInTheFile() throws Exception {
        Path file = dir.resolve("blank.csv");
        Files.writeString(file, "code,A1\n\n ,  \nCDCS-002,7\n");
        List<SheetRow> rows = read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).number()).isEqualTo(4);
    }

    @Test
    void refusesAFileThatIsNotASpreadsheet() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "ghi chú của văn phòng");
        assertThat(Assertions.catchThrowable(() -> SheetSource.open(file, "notes.txt")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not a spreadsheet (expected .xlsx, .xls or .csv)");
    }

    @Test
    void readsExcelsUnicodeTextUtf16WithItsByteOrderMark() throws Exception {
        Path file = dir.resolve("unicode.csv");
        Files.write(file, "\uFEFFcode\tname\r\nCDCS-001\tCông đoàn\r\n".getBytes(StandardCharsets.UTF_16LE));
        List<SheetRow> rows = read(file);
        assertThat(rows.get(1).cell(1).text()).isEqualTo("Công đoàn");
        assertThat(rows.get(1).width()).isEqualTo(2);
    }

    @Test
    void refusesABinaryFileNamedCsvNamingItsFirstControlByte() throws Exception {
        Path file = dir.resolve("binary.csv");
        byte[] bytes = new byte[200];
        new Random(3).nextBytes(bytes);
        bytes[0] = 'c';
        bytes[1] = 0;
        Files.write(file, bytes);
        assertThat(Assertions.catchThrowable(() -> SheetSource.open(file, "binary.csv")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not a text file: ")
                .hasMessageContaining("of its 200 bytes are control characters, the first at byte 2");
    }

    @Test
    void aNulInOneCellIsReadIntoThatCellAndTheRestOfTheFileAsUsual() throws Exception {
        Path file = dir.resolve("nul.csv");
        Files.write(file, "code,name\nCDCS-001,Công\u0000 đoàn\nCDCS-002,Trường\n".getBytes(StandardCharsets.UTF_8));
        List<SheetRow> rows = read(file);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cell(1).text()).isEqualTo("Công\u0000 đoàn");
        assertThat(rows.get(2).cell(1).text()).isEqualTo("Trường");
    }

    @Test
    void textSavedAsUtf16WithoutItsByteOrderMarkIsRefusedWhole() throws Exception {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, "code,name\nCDCS-001,Công đoàn\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(Assertions.catchThrowable(() -> SheetSource.open(file, "utf16.csv")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("without its byte-order mark");
    }

    @Test
    void aQuoteNeverClosedEndsTheReadingWithItsLineOrAtTheRowBudget() throws Exception {
        Path unclosed = dir.resolve("unclosed.csv");
        Files.writeString(unclosed, "code,A1\nCDCS-001,7\n\"CDCS-002,7\nCDCS-003,7\n");
        try (SheetSource source = SheetSource.open(unclosed, "unclosed.csv")) {
            assertThat(source.next().number()).isEqualTo(1);
            assertThat(source.next().cell(0).text()).isEqualTo("CDCS-001");
            assertThat(Assertions.catchThrowable(source::next))
                    .isInstanceOf(IOException.class)
                    .hasMessage("a quote opened on line 3 is never closed");
        }
        Path runaway = dir.resolve("runaway.csv");
        Files.writeString(runaway, "code,A1\n\"CDCS-002,7\n" + "x,1\n".repeat(100_000));
        InputLimits small =
                new InputLimits(1L << 30, 1 << 20, 1000, 100, 10_000, 100, 1000, 10, 100, 1L << 30, 1L << 20);
        try (SheetSource source = SheetSource.open(runaway, "runaway.csv", small)) {
            source.next();
            assertThat(Assertions.catchThrowable(source::next))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("a row longer than 10000 characters (a quote opened and never closed?)");
        }
    }
}
