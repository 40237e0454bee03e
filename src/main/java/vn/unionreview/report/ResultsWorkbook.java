package vn.unionreview.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.unionreview.batch.NotSubmitted;
import vn.unionreview.batch.ResultRow;
import vn.unionreview.ingest.Problem;
import vn.unionreview.rules.RuleSet;

/**
 * results.xlsx, streamed (SXSSF) so a national run does not hold the workbook in memory: results
 * (Kết quả), rejected input (Dữ liệu lỗi) and branches that did not submit (Chưa nộp). Numbers are
 * number cells; headers are frozen and filtered; pages print on A4 landscape.
 */
public final class ResultsWorkbook {

    private ResultsWorkbook() {
    }

    public static void write(Path file, RuleSet rules, List<ResultRow> results, List<Problem> rejected,
                             List<NotSubmitted> notSubmitted) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);

            SXSSFSheet sheet = sheet(wb, styles, "Kết quả", List.of("Mã", "Tên công đoàn cơ sở", "Khối thi đua", "Điểm cơ bản",
                    "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp loại trước hạ loại", "Xếp loại", "Hạng trong khối",
                    "Hạng chung", "Đề nghị khen thưởng", "Đồng hạng (Hội đồng xét)", "Tự chấm cao hơn thẩm định", "Điều kiện hạ loại"),
                    new int[] {12, 45, 28, 10, 10, 10, 10, 14, 30, 10, 10, 14, 12, 14, 24});
            int r = 1;
            for (ResultRow row : results) {
                Row x = sheet.createRow(r++);
                text(x, 0, row.code());
                text(x, 1, row.name());
                text(x, 2, row.bloc());
                number(x, 3, row.base(), styles.decimal);
                number(x, 4, row.bonus(), styles.decimal);
                number(x, 5, row.penalty(), styles.decimal);
                number(x, 6, row.total(), styles.decimal);
                text(x, 7, row.tierBeforeCaps());
                text(x, 8, rules.tiers().get(rules.tierIndex(row.tier())).title().vi());
                number(x, 9, java.math.BigDecimal.valueOf(row.rankBloc()), styles.whole);
                number(x, 10, java.math.BigDecimal.valueOf(row.rankAll()), styles.whole);
                text(x, 11, row.award());
                text(x, 12, row.awardTie() ? "có" : "");
                number(x, 13, row.inflation(), styles.decimal);
                text(x, 14, row.caps());
            }
            finish(sheet, r, 15);

            sheet = sheet(wb, styles, "Dữ liệu lỗi", List.of("Tệp", "Trang tính", "Dòng", "Ô", "Cột", "Mã", "Giá trị", "Lý do"),
                    new int[] {30, 14, 8, 8, 14, 12, 16, 80});
            r = 1;
            for (Problem p : rejected) {
                Row x = sheet.createRow(r++);
                text(x, 0, p.file());
                text(x, 1, p.sheet());
                if (p.row() > 0) {
                    number(x, 2, java.math.BigDecimal.valueOf(p.row()), styles.whole);
                }
                text(x, 3, p.cell());
                text(x, 4, p.column());
                text(x, 5, p.code());
                text(x, 6, p.value());
                text(x, 7, p.reason());
            }
            finish(sheet, r, 8);

            sheet = sheet(wb, styles, "Chưa nộp", List.of("Mã", "Tên công đoàn cơ sở", "Khối thi đua", "Lý do"),
                    new int[] {12, 45, 28, 60});
            r = 1;
            for (NotSubmitted b : notSubmitted) {
                Row x = sheet.createRow(r++);
                text(x, 0, b.code());
                text(x, 1, b.name());
                text(x, 2, b.bloc());
                text(x, 3, RunOutputs.reason(b));
            }
            finish(sheet, r, 4);

            // fixed, so that the same run writes the same bytes
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(0)));
            AtomicFiles.write(file, wb::write);
            wb.dispose();
        }
    }

    private static SXSSFSheet sheet(SXSSFWorkbook wb, Styles styles, String name, List<String> headers, int[] widths) {
        SXSSFSheet sheet = wb.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(styles.header);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        return sheet;
    }

    private static void finish(SXSSFSheet sheet, int rows, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            // a string cell is never evaluated, so input text starting with "=" stays text
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, java.math.BigDecimal value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value.doubleValue());
        c.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle decimal;
        final CellStyle whole;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setBorderBottom(BorderStyle.THIN);
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.0#"));
            whole = wb.createCellStyle();
            whole.setDataFormat(wb.createDataFormat().getFormat("0"));
        }
    }
}
