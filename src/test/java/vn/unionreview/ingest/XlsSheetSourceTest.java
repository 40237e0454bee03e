package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consolidated tables saved as Excel 97-2003, including one named .xlsx (the type comes from the bytes). */
class XlsSheetSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsAnXlsTableWithTypedCellsAndCachedFormulaValues() throws Exception {
        Path file = dir.resolve("bang.xlsx"); // an xls file with the wrong extension, as offices send them
        try (HSSFWorkbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Bảng tổng hợp");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("code");
            header.createCell(1).setCellValue("A1");
            header.createCell(2).setCellValue("A2");
            Row row = sheet.createRow(2); // row 2 left blank
            row.createCell(0).setCellValue("CDCS-001");
            row.createCell(1).setCellValue(8.5);
            row.createCell(2).setCellFormula("B3+1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        List<SheetRow> rows = new ArrayList<>();
        try (SheetSource source = SheetSource.open(file, "bang.xlsx")) {
            for (SheetRow r; (r = source.next()) != null; ) {
                rows.add(r);
            }
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).number()).isEqualTo(3);
        assertThat(rows.get(1).sheet()).isEqualTo("Bảng tổng hợp");
        assertThat(rows.get(1).cells())
                .containsExactly(
                        new SheetCell(0, "A3", "CDCS-001", CellKind.TEXT),
                        new SheetCell(1, "B3", "8.5", CellKind.NUMBER),
                        new SheetCell(2, "C3", "9.5", CellKind.NUMBER));
    }
}
