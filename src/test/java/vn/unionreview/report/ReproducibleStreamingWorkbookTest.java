package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed workbook's zip carries no clock and no Zip64 extras, and POI reads it back. */
class ReproducibleStreamingWorkbookTest {

    @TempDir
    Path dir;

    private byte[] write() throws IOException {
        try (ReproducibleStreamingWorkbook wb = new ReproducibleStreamingWorkbook(10)) {
            SXSSFSheet sheet = wb.createSheet("Xếp hạng");
            for (int i = 0; i < 100; i++) { // more rows than the window: some go through the temporary file
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("CĐCS " + i);
                row.createCell(1).setCellValue(i * 0.5);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    @Test
    void sameContentSameBytesWithFixedEntryTimes() throws Exception {
        byte[] first = write();
        Thread.sleep(2100); // zip times have a 2 s resolution: a clock would show
        byte[] second = write();
        assertThat(second).isEqualTo(first);

        Path file = dir.resolve("w.xlsx");
        Files.write(file, first);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
                assertThat(entry.getExtra())
                        .as("%s has no Zip64 or time extras", entry.getName())
                        .isNull();
            }
        }
        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            assertThat(read.getSheet("Xếp hạng").getRow(99).getCell(0).getStringCellValue())
                    .isEqualTo("CĐCS 99");
            assertThat(read.getSheet("Xếp hạng").getRow(99).getCell(1).getNumericCellValue())
                    .isEqualTo(49.5);
        }
    }
}
