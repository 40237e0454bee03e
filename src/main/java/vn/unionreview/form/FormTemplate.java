package vn.unionreview.form;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.ZipNormalizer;
import vn.unionreview.ingest.SheetCell;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.FactType;
import vn.unionreview.rules.Group;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Decimals;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

/**
 * Writes a branch's self-assessment form (phiếu tự chấm điểm) from the year's rule set: header, one row per criterion
 * with its maximum, self-score, verified-score and note cells, the facts, bonus and penalty, a live total and
 * instructions. Only input cells are unlocked; the sheet is protected without a password; every score cell accepts a
 * decimal between 0 and its maximum and every yes/no fact a choice from a list. xlsx by default, Excel 97-2003 when the
 * file ends in .xls.
 */
public final class FormTemplate {

    /** What to put in the input cells: a number (written as a number) or text (written as typed); absent is blank. */
    public record Prefill(
            String code,
            String name,
            Map<String, Object> self,
            Map<String, Object> verified,
            Map<String, Object> facts) {

        public static Prefill blank() {
            return new Prefill("", "", Map.of(), Map.of(), Map.of());
        }

        public static Prefill branch(String code, String name) {
            return new Prefill(code, name, Map.of(), Map.of(), Map.of());
        }

        /** A branch's validated submission written back as a form: numbers as numbers, yes/no as Có/Không. */
        public static Prefill of(String code, String name, Submission submission) {
            Map<String, Object> facts = new LinkedHashMap<>();
            submission
                    .facts()
                    .forEach((id, v) -> facts.put(
                            id,
                            v instanceof FactValue.YesNo yes
                                    ? (yes.value() ? FormLayout.YES : FormLayout.NO)
                                    : ((FactValue.Amount) v).value()));
            return new Prefill(
                    code,
                    name,
                    new LinkedHashMap<>(submission.self()),
                    new LinkedHashMap<>(submission.verified()),
                    facts);
        }
    }

    /**
     * A generated form before saving, with the 0-based row of every criterion and fact id (for callers that fill it
     * further).
     */
    public record Built(Workbook workbook, Sheet sheet, Map<String, Integer> rows, int codeRow, int nameRow) {}

    private final RuleSet rules;
    private final int year;

    public FormTemplate(RuleSet rules, int year) {
        this.rules = rules;
        this.year = year;
    }

    /**
     * Builds and saves in one go; {@code savedAt} is recorded as the time the file was last saved (null: not recorded).
     */
    public void write(Path file, Prefill prefill, Instant savedAt) throws IOException {
        Built built = build(isXls(file), prefill);
        save(built, file, savedAt);
    }

    public static boolean isXls(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xls");
    }

    public Built build(boolean xls, Prefill prefill) {
        Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook();
        Styles styles = new Styles(wb);
        Sheet sheet = wb.createSheet(FormLayout.SHEET);
        Map<String, Integer> rows = new LinkedHashMap<>();
        int r = 0;

        text(sheet, r, 0, rules.issuer().vi().toUpperCase(new Locale("vi")), styles.bold);
        merge(sheet, r, 0, 2);
        text(sheet, r, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", styles.boldCentre);
        merge(sheet, r, 4, 6);
        r++;
        text(sheet, r, 4, "Độc lập - Tự do - Hạnh phúc", styles.boldCentre);
        merge(sheet, r, 4, 6);
        r += 2;
        text(sheet, r, 0, "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM " + year, styles.title);
        merge(sheet, r, 0, 6);
        r++;
        text(sheet, r, 0, rules.title().vi(), styles.italicCentre);
        merge(sheet, r, 0, 6);
        r += 2;

        text(sheet, r, 0, FormLayout.YEAR, styles.label);
        merge(sheet, r, 0, 1);
        number(sheet, r, FormLayout.COL_FIELD, BigDecimal.valueOf(year), styles.field);
        r++;
        int codeRow = r;
        text(sheet, r, 0, FormLayout.CODE, styles.label);
        merge(sheet, r, 0, 1);
        value(sheet, r, FormLayout.COL_FIELD, prefill.code().isEmpty() ? null : prefill.code(), styles.input);
        r++;
        int nameRow = r;
        text(sheet, r, 0, FormLayout.NAME, styles.label);
        merge(sheet, r, 0, 1);
        value(sheet, r, FormLayout.COL_FIELD, prefill.name().isEmpty() ? null : prefill.name(), styles.input);
        for (int c = FormLayout.COL_FIELD + 1; c <= FormLayout.COL_NOTE; c++) {
            value(sheet, r, c, null, styles.input);
        }
        merge(sheet, r, FormLayout.COL_FIELD, FormLayout.COL_NOTE);
        r += 2;

        header(
                sheet,
                r++,
                styles,
                FormLayout.ID,
                FormLayout.GROUP,
                FormLayout.TITLE,
                FormLayout.MAX,
                FormLayout.SELF,
                FormLayout.VERIFIED,
                FormLayout.NOTE);
        List<String> base = new ArrayList<>();
        for (Group group : rules.groups()) {
            r = heading(sheet, r, styles, group.id(), group.title().vi(), group.max());
            for (Criterion c : group.criteria()) {
                r = criterion(sheet, r, styles, c, prefill, rows, base);
            }
        }
        List<String> bonus = new ArrayList<>();
        if (!rules.bonus().criteria().isEmpty()) {
            r = heading(
                    sheet,
                    r,
                    styles,
                    "",
                    "Điểm thưởng (cộng, tối đa " + Decimals.plain(rules.bonus().max()) + " điểm)",
                    rules.bonus().max());
            for (Criterion c : rules.bonus().criteria()) {
                r = criterion(sheet, r, styles, c, prefill, rows, bonus);
            }
        }
        List<String> penalty = new ArrayList<>();
        if (!rules.penalty().criteria().isEmpty()) {
            r = heading(
                    sheet,
                    r,
                    styles,
                    "",
                    "Điểm trừ (trừ, tối đa " + Decimals.plain(rules.penalty().max()) + " điểm)",
                    rules.penalty().max());
            for (Criterion c : rules.penalty().criteria()) {
                r = criterion(sheet, r, styles, c, prefill, rows, penalty);
            }
        }
        Row total = sheet.createRow(r++);
        text(
                sheet,
                total.getRowNum(),
                FormLayout.COL_TITLE,
                "Tổng điểm tự chấm (tạm tính, chưa xét điều kiện hạ loại)",
                styles.boldBorder);
        Cell sum = total.createCell(FormLayout.COL_SELF);
        sum.setCellFormula(totalFormula(base, bonus, penalty));
        sum.setCellStyle(styles.boldBorder);
        r++;

        header(sheet, r++, styles, FormLayout.ID, "", FormLayout.FACT, "", FormLayout.VALUE, "", FormLayout.NOTE);
        for (Fact fact : rules.facts()) {
            Row row = sheet.createRow(r);
            text(sheet, r, FormLayout.COL_ID, fact.id(), styles.id);
            text(
                    sheet,
                    r,
                    FormLayout.COL_TITLE,
                    fact.title().vi() + (fact.type() == FactType.BOOLEAN ? " (Có/Không)" : ""),
                    styles.wrap);
            value(sheet, r, FormLayout.COL_SELF, prefill.facts().get(fact.id()), styles.input);
            value(sheet, r, FormLayout.COL_NOTE, null, styles.input);
            validate(sheet, r, fact);
            fitHeight(row, fact.title().vi());
            rows.put(fact.id(), r++);
        }
        r++;
        r = instructions(sheet, r, styles);
        r++;
        text(sheet, r, 4, "TM. BAN CHẤP HÀNH", styles.boldCentre);
        merge(sheet, r, 4, 6);
        r++;
        text(sheet, r, 4, "CHỦ TỊCH", styles.boldCentre);
        merge(sheet, r, 4, 6);
        r++;
        text(sheet, r, 4, "(Ký, ghi rõ họ tên, đóng dấu)", styles.italicCentre);
        merge(sheet, r, 4, 6);

        int[] widths = {20, 7, 54, 9, 10, 10, 27};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(
                true); // Excel 97-2003 and LibreOffice honour "fit to one page wide" only with automatic page breaks
        protect(sheet);
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // so the total has a saved value
        return new Built(wb, sheet, rows, codeRow, nameRow);
    }

    private int criterion(
            Sheet sheet,
            int r,
            Styles styles,
            Criterion c,
            Prefill prefill,
            Map<String, Integer> rows,
            List<String> cells) {
        Row row = sheet.createRow(r);
        text(sheet, r, FormLayout.COL_ID, c.id(), styles.id);
        text(sheet, r, FormLayout.COL_GROUP, c.groupId(), styles.centre);
        text(sheet, r, FormLayout.COL_TITLE, c.title().vi(), styles.wrap);
        number(sheet, r, FormLayout.COL_MAX, c.max(), styles.centre);
        value(sheet, r, FormLayout.COL_SELF, prefill.self().get(c.id()), styles.input);
        value(sheet, r, FormLayout.COL_VERIFIED, prefill.verified().get(c.id()), styles.input);
        value(sheet, r, FormLayout.COL_NOTE, null, styles.input);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint range = helper.createDecimalConstraint(
                DataValidationConstraint.OperatorType.BETWEEN, "0", Decimals.plain(c.max()));
        String max = Decimals.plain(c.max()).replace('.', ',');
        add(
                sheet,
                helper.createValidation(
                        range, new CellRangeAddressList(r, r, FormLayout.COL_SELF, FormLayout.COL_VERIFIED)),
                "Điểm không hợp lệ",
                "Nhập điểm từ 0 đến " + max + ", là bội số của "
                        + Decimals.plain(rules.step()).replace('.', ',') + ".");
        fitHeight(row, c.title().vi());
        rows.put(c.id(), r);
        cells.add(cellRef(r, FormLayout.COL_SELF));
        return r + 1;
    }

    private void validate(Sheet sheet, int r, Fact fact) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        CellRangeAddressList cell = new CellRangeAddressList(r, r, FormLayout.COL_SELF, FormLayout.COL_SELF);
        if (fact.type() == FactType.BOOLEAN) {
            add(
                    sheet,
                    helper.createValidation(
                            helper.createExplicitListConstraint(new String[] {FormLayout.YES, FormLayout.NO}), cell),
                    "Chọn Có hoặc Không",
                    "Ô này chỉ nhận Có hoặc Không.");
        } else if (fact.type() == FactType.INTEGER) {
            add(
                    sheet,
                    helper.createValidation(
                            helper.createIntegerConstraint(
                                    DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                            cell),
                    "Số không hợp lệ",
                    "Nhập một số nguyên không âm.");
        } else {
            add(
                    sheet,
                    helper.createValidation(
                            helper.createDecimalConstraint(
                                    DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                            cell),
                    "Số không hợp lệ",
                    "Nhập một số không âm.");
        }
    }

    private static void add(Sheet sheet, DataValidation validation, String title, String message) {
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(title, message);
        validation.setShowPromptBox(false);
        if (validation.getValidationConstraint().getValidationType() == DataValidationConstraint.ValidationType.LIST) {
            validation.setSuppressDropDownArrow(sheet instanceof XSSFSheet); // POI: for xlsx, true shows the arrow
        }
        sheet.addValidationData(validation);
    }

    private String totalFormula(List<String> base, List<String> bonus, List<String> penalty) {
        StringBuilder f = new StringBuilder(base.isEmpty() ? "0" : "SUM(" + String.join(",", base) + ")");
        if (!bonus.isEmpty()) {
            f.append("+MIN(SUM(")
                    .append(String.join(",", bonus))
                    .append("),")
                    .append(Decimals.plain(rules.bonus().max()))
                    .append(')');
        }
        if (!penalty.isEmpty()) {
            f.append("-MIN(SUM(")
                    .append(String.join(",", penalty))
                    .append("),")
                    .append(Decimals.plain(rules.penalty().max()))
                    .append(')');
        }
        return f.toString();
    }

    private int instructions(Sheet sheet, int r, Styles styles) {
        String step = Decimals.plain(rules.step()).replace('.', ',');
        String[] lines = {
            "HƯỚNG DẪN",
            "1. Ghi mã và tên công đoàn cơ sở đúng như danh sách của Công đoàn Viên chức tỉnh.",
            "2. Chấm điểm từng tiêu chí vào cột \"" + FormLayout.SELF + "\": từ 0 đến điểm tối đa, là bội số của "
                    + step + " điểm (ví dụ 8 hoặc 8,5). Chỉ ghi số, không ghi chữ \"điểm\".",
            "3. Ô để trống là \"chưa chấm\" (tính 0 điểm và được ghi nhận là chưa chấm); tiêu chí không đạt thì ghi 0.",
            "4. Cột \"" + FormLayout.VERIFIED + "\" do công đoàn cấp trên ghi khi thẩm định; công đoàn cơ sở để trống.",
            "5. Phần thông tin: ghi số người là số nguyên; các câu hỏi Có/Không chọn trong danh sách.",
            "6. Không sửa cột \"" + FormLayout.ID + "\" và không xóa dòng; có thể chèn thêm dòng ghi chú nếu cần.",
            "7. Lưu tệp dạng .xlsx hoặc .xls, đặt tên theo mã công đoàn cơ sở, gửi về Công đoàn Viên chức tỉnh.",
        };
        for (String line : lines) {
            Row row = sheet.createRow(r);
            text(sheet, r, 0, line, line.equals(lines[0]) ? styles.bold : styles.wrapPlain);
            merge(sheet, r, 0, 6);
            row.setHeightInPoints(line.length() > 110 ? 32 : 17);
            r++;
        }
        return r;
    }

    private static int heading(Sheet sheet, int r, Styles styles, String id, String title, BigDecimal max) {
        text(sheet, r, FormLayout.COL_GROUP, id, styles.boldBorder);
        text(sheet, r, FormLayout.COL_TITLE, title, styles.boldBorder);
        number(sheet, r, FormLayout.COL_MAX, max, styles.boldBorder);
        fitHeight(sheet.getRow(r), title);
        return r + 1;
    }

    /** Spreadsheet programs do not grow a row for wrapped text written by a program: size it for the title's lines. */
    private static void fitHeight(Row row, String title) {
        int lines = Math.max(1, (title.length() + 59) / 60);
        row.setHeightInPoints(16f * lines + 2);
    }

    private static void header(Sheet sheet, int r, Styles styles, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            text(sheet, r, c, labels[c], styles.header);
        }
    }

    private static void text(Sheet sheet, int r, int c, String text, CellStyle style) {
        Cell cell = cell(sheet, r, c);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void number(Sheet sheet, int r, int c, BigDecimal value, CellStyle style) {
        Cell cell = cell(sheet, r, c);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static void value(Sheet sheet, int r, int c, Object value, CellStyle style) {
        Cell cell = cell(sheet, r, c);
        cell.setCellStyle(style);
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    private static void merge(Sheet sheet, int r, int from, int to) {
        sheet.addMergedRegion(new CellRangeAddress(r, r, from, to));
    }

    private static String cellRef(int r, int c) {
        return SheetCell.ref(c, r + 1);
    }

    /** Sheet protection without a password: locked cells cannot be typed over by mistake, and anyone can lift it. */
    private static void protect(Sheet sheet) {
        if (sheet instanceof XSSFSheet x) {
            x.enableLocking();
            x.lockSelectLockedCells(false);
            x.lockSelectUnlockedCells(false);
            x.lockFormatColumns(false);
            x.lockFormatRows(false);
        } else {
            ((HSSFSheet) sheet).protectSheet("");
        }
    }

    /**
     * The author the template's workbooks name: the program, not a person (the integrity signals know it names no one).
     */
    public static final String CREATOR = "union-review";

    /** Saves the form; the saved time goes in the file's own properties, where the reader finds it. */
    public static void save(Built built, Path file, Instant savedAt) throws IOException {
        save(built, file, savedAt, null);
    }

    /** Saves the form as saved last by {@code savedBy} (null: no one named), as an office program records it. */
    public static void save(Built built, Path file, Instant savedAt, String savedBy) throws IOException {
        Workbook wb = built.workbook();
        try (wb) {
            if (wb instanceof XSSFWorkbook x) {
                var props = x.getProperties().getCoreProperties();
                props.setCreated(Optional.of(new Date(0)));
                if (savedAt != null) {
                    props.setModified(Optional.of(Date.from(savedAt)));
                }
                props.setCreator(CREATOR);
                if (savedBy != null) {
                    props.setLastModifiedByUser(savedBy);
                }
                AtomicFiles.write(file, ZipNormalizer.normalized(x::write));
            } else {
                HSSFWorkbook h = (HSSFWorkbook) wb;
                h.createInformationProperties();
                h.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
                SummaryInformation info = h.getSummaryInformation();
                info.getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
                info.setAuthor(CREATOR);
                info.setCreateDateTime(new Date(0));
                if (savedAt != null) {
                    info.setLastSaveDateTime(Date.from(savedAt));
                }
                if (savedBy != null) {
                    info.setLastAuthor(savedBy);
                }
                AtomicFiles.write(file, h::write);
            }
        }
    }

    /** The few cell styles of the form; a workbook allows only a limited number, so they are shared. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle boldCentre;
        final CellStyle title;
        final CellStyle italicCentre;
        final CellStyle label;
        final CellStyle field;
        final CellStyle input;
        final CellStyle header;
        final CellStyle id;
        final CellStyle centre;
        final CellStyle wrap;
        final CellStyle wrapPlain;
        final CellStyle boldBorder;

        Styles(Workbook wb) {
            Font plain = font(wb, false, false, 12);
            Font boldFont = font(wb, true, false, 12);
            Font italic = font(wb, false, true, 12);
            Font big = font(wb, true, false, 14);
            bold = style(wb, boldFont, HorizontalAlignment.LEFT, false, false);
            boldCentre = style(wb, boldFont, HorizontalAlignment.CENTER, false, false);
            title = style(wb, big, HorizontalAlignment.CENTER, false, false);
            italicCentre = style(wb, italic, HorizontalAlignment.CENTER, false, true);
            label = style(wb, boldFont, HorizontalAlignment.LEFT, false, false);
            field = style(wb, plain, HorizontalAlignment.LEFT, true, false);
            header = style(wb, boldFont, HorizontalAlignment.CENTER, true, true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            id = style(wb, plain, HorizontalAlignment.CENTER, true, false);
            centre = style(wb, plain, HorizontalAlignment.CENTER, true, false);
            wrap = style(wb, plain, HorizontalAlignment.LEFT, true, true);
            wrapPlain = style(wb, plain, HorizontalAlignment.LEFT, false, true);
            boldBorder = style(wb, boldFont, HorizontalAlignment.LEFT, true, true);
            input = style(wb, plain, HorizontalAlignment.CENTER, true, false);
            input.setLocked(false);
            input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        private static Font font(Workbook wb, boolean bold, boolean italic, int points) {
            Font f = wb.createFont();
            f.setFontName("Times New Roman");
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            f.setItalic(italic);
            return f;
        }

        private static CellStyle style(
                Workbook wb, Font font, HorizontalAlignment align, boolean border, boolean wrap) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(wrap);
            if (border) {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
            return s;
        }
    }
}
