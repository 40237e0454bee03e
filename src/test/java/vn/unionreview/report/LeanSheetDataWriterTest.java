package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lean writer must write exactly the sheet POI writes: the xlsx is judged by what POI and Excel read. */
class LeanSheetDataWriterTest {

    @TempDir
    Path dir;

    private static final String[] TEXTS = {
        "Công đoàn cơ sở Trường THPT Lê Quý Đôn",
        "Nguyễn Thị Hoà",
        " leading",
        "trailing\t",
        "a < b & c > \"d\"",
        "line\nbreak\rreturn",
        "no\u00A0break",
        "bell\u0007 and \uFFFE \uFFFF",
        "emoji \uD83C\uDF89 ok",
        "lone high \uD83C",
        "lone low \uDF89 here",
        "\uD83C",
        "=SUM(A1)",
        "x",
        "ờ decomposed",
        "漢字"
    };

    private static final double[] NUMBERS = {
        0, -0.0, 1, -2.25, 0.1, 12.5, 1e20, 1.0E-7, 123456789.123, Double.MAX_VALUE, Double.NaN
    };

    @Test
    void writesTheBytesPoiWrites() throws IOException {
        byte[] poi = sheetXml(new SXSSFWorkbook(50));
        byte[] lean = sheetXml(new ReproducibleStreamingWorkbook(50));

        assertThat(new String(lean, StandardCharsets.UTF_8)).isEqualTo(new String(poi, StandardCharsets.UTF_8));
        assertThat(lean).isEqualTo(poi);
    }

    @Test
    void writesWhatPoiReadsBack() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new ReproducibleStreamingWorkbook(50)) {
            fill(wb);
            wb.write(bytes);
            wb.dispose();
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Sheet sheet = read.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TEXTS[0]);
            assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("a < b & c > \"d\"");
            assertThat(sheet.getRow(8).getCell(8).getStringCellValue()).isEqualTo("emoji \uD83C\uDF89 ok");
            assertThat(sheet.getRow(3).getCell(30).getNumericCellValue()).isEqualTo(-2.25);
            assertThat(sheet.getRow(1999).getCell(700).getStringCellValue()).isEqualTo("far");
        }
    }

    private byte[] sheetXml(SXSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (wb) {
            fill(wb);
            wb.write(bytes);
            wb.dispose();
        }
        Path file = Files.createTempFile(dir, "sheet", ".xlsx");
        Files.write(file, bytes.toByteArray());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes();
        }
    }

    /** Text, numbers, styles, gaps, a blank and a yes/no cell, columns past Z and rows past the window. */
    private static void fill(SXSSFWorkbook wb) {
        Sheet sheet = wb.createSheet("Chi tiết");
        CellStyle decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.0#"));
        CellStyle quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        for (int r = 0; r < 2000; r++) {
            Row row = sheet.createRow(r);
            row.createCell(r % TEXTS.length).setCellValue(TEXTS[r % TEXTS.length]);
            row.createCell(20).setCellValue(r);
            row.createCell(30).setCellValue(NUMBERS[r % NUMBERS.length]);
            row.getCell(30).setCellStyle(decimal);
            row.createCell(52).setCellStyle(quoted);
            row.createCell(53).setCellValue(r % 2 == 0);
            if (r == 1999) {
                row.createCell(700).setCellValue("far");
            }
        }
    }
}
