package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsNumbersTextBooleansAndFormulaCachedValues() throws Exception {
        Path file = dir.resolve("t.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("Bảng tổng hợp");
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("code");
            Row r = sheet.createRow(3); // rows 2-3 left empty
            r.createCell(0).setCellValue("CDCS-001");
            r.createCell(1).setCellValue(8.5);
            r.createCell(2).setCellValue("8,5");
            r.createCell(3).setCellValue(true);
            r.createCell(4).setCellFormula("B4+1");
            r.createCell(5).setCellFormula("B4/0");
            r.createCell(7).setCellValue(0.1 + 0.2); // 0.30000000000000004 in binary
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            r.createCell(6).setCellFormula("B4*2"); // never evaluated: saved without a value
            wb.write(out);
        }
        try (SheetSource source = SheetSource.open(file, "t.xlsx")) {
            assertThat(source.next().cell(0).text()).isEqualTo("code");
            SheetRow row = source.next();
            assertThat(row.number()).isEqualTo(4);
            assertThat(row.sheet()).isEqualTo("Bảng tổng hợp");
            assertThat(row.cell(1)).isEqualTo(new SheetCell(1, "B4", "8.5", CellKind.NUMBER));
            assertThat(row.cell(2)).isEqualTo(new SheetCell(2, "C4", "8,5", CellKind.TEXT));
            assertThat(row.cell(3)).isEqualTo(new SheetCell(3, "D4", "true", CellKind.BOOLEAN));
            assertThat(row.cell(4)).isEqualTo(new SheetCell(4, "E4", "9.5", CellKind.NUMBER));
            assertThat(row.cell(5).kind()).isEqualTo(CellKind.ERROR);
            assertThat(row.cell(6).kind()).isEqualTo(CellKind.FORMULA_WITHOUT_VALUE);
            assertThat(row.cell(7).text()).as("binary noise removed").isEqualTo("0.3");
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void aDamagedOrDisguisedFileIsUnreadableWithAReason() throws Exception {
        Path text = dir.resolve("fake.xlsx");
        Files.writeString(text, "this is not a workbook");
        assertThat(catchThrowable(() -> SheetSource.open(text, "fake.xlsx")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("damaged");

        Path ole2 = dir.resolve("encrypted.xlsx"); // encrypted xlsx files are OLE2 containers
        try (var fs = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(ole2)) {
            fs.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptedPackage");
            fs.writeFilesystem(out);
        }
        assertThat(catchThrowable(() -> SheetSource.open(ole2, "encrypted.xlsx")))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("password-protected");
    }
}
