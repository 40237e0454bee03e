package vn.unionreview.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.unionreview.Fixtures;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.UnreadableFileException;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;

/**
 * Forms written by {@link FormTemplate} and read back by {@link FormReader} and {@link FormValidator}, in xlsx and xls.
 */
class FormRoundTripTest {

    private static final RuleSet RULES = Fixtures.rules2025();
    private static final Map<String, String> REGISTRY =
            Map.of("CDCS-001", "Công đoàn Sở Tài chính", "CDCS-002", "Công đoàn Sở Nội vụ");
    private static final Submission FULL = Fixtures.submission(
            "CDCS-001",
            "A1=8.5 A2=9 A3=10 B1=7.5 B2=0 C1=9 C2=8 C3=6.5 D1=10 D2=9.5"
                    + " E1=2 E2=1 F1=0 F2=1.5 A1.v=8 C3.v=6 members_total=120 members_union=110 work_stoppage=false finance_violation=false"
                    + " executive_disciplined=true dues_remitted=true");

    @TempDir
    Path dir;

    private IngestRecord readBack(Path file) {
        return new FormValidator(RULES, 2025, REGISTRY)
                .validate(new FormReader(RULES).read(file, file.getFileName().toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CDCS-001.xlsx", "CDCS-001.xls"})
    void aPrefilledFormReadsBackAsTheSameSubmission(String name) throws Exception {
        Path file = dir.resolve(name);
        new FormTemplate(RULES, 2025)
                .write(
                        file,
                        FormTemplate.Prefill.of("CDCS-001", "Công đoàn Sở Tài chính", FULL),
                        Instant.parse("2026-01-05T08:00:00Z"));

        IngestRecord record = readBack(file);

        assertThat(record.problems()).isEmpty();
        assertThat(record.accepted()).isTrue();
        assertThat(record.submission()).isEqualTo(FULL);
        assertThat(record.source()).isEqualTo(IngestRecord.Source.FORM);
        assertThat(record.cellsRead())
                .as("year, code, name, 14 self, 14 verified, 6 facts")
                .isEqualTo(3 + 14 + 14 + 6);
        assertThat(record.cellsInvalid()).isZero();
        assertThat(record.savedAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
    }

    @Test
    void theBlankTemplateIsProtectedWithUnlockedInputsAndValidation() throws Exception {
        Path file = dir.resolve("mau.xlsx");
        new FormTemplate(RULES, 2025).write(file, FormTemplate.Prefill.blank(), null);
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = wb.getSheet(FormLayout.SHEET);
            assertThat(sheet.getProtect()).as("protected").isTrue();
            assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword())
                    .as("without a password")
                    .isFalse();
            int a1 = rowOf(sheet, "A1");
            assertThat(sheet.getRow(a1).getCell(FormLayout.COL_TITLE).getStringCellValue())
                    .startsWith("Tham gia xây dựng quy chế");
            assertThat(sheet.getRow(a1).getCell(FormLayout.COL_MAX).getNumericCellValue())
                    .isEqualTo(10.0);
            assertThat(sheet.getRow(a1)
                            .getCell(FormLayout.COL_SELF)
                            .getCellStyle()
                            .getLocked())
                    .isFalse();
            assertThat(sheet.getRow(a1)
                            .getCell(FormLayout.COL_VERIFIED)
                            .getCellStyle()
                            .getLocked())
                    .isFalse();
            assertThat(sheet.getRow(a1)
                            .getCell(FormLayout.COL_TITLE)
                            .getCellStyle()
                            .getLocked())
                    .isTrue();
            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getValidationType())
                        .isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
                assertThat(v.getValidationConstraint().getFormula2()).isEqualTo("10");
                assertThat(v.getRegions().getCellRangeAddress(0).formatAsString())
                        .isEqualTo("E" + (a1 + 1) + ":F" + (a1 + 1));
            });
            assertThat(validations)
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("Có", "Không"));
            assertThat(validations.stream()
                            .filter(v -> v.getValidationConstraint().getValidationType()
                                    == DataValidationConstraint.ValidationType.DECIMAL))
                    .as("one per criterion")
                    .hasSize(14);
            String text = sheetText(sheet);
            assertThat(text)
                    .contains(
                            "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH",
                            "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025",
                            "HƯỚNG DẪN",
                            "Ô để trống là \"chưa chấm\"",
                            "Điểm thưởng (cộng, tối đa 5 điểm)");
        }
        IngestRecord blank = readBack(file);
        assertThat(blank.accepted()).isFalse();
        assertThat(blank.problems()).extracting(p -> p.reason().english()).contains("no branch code");
    }

    @Test
    void theLiveTotalAddsBonusUpToItsMaximumAndSubtractsPenalties() throws Exception {
        Path file = dir.resolve("total.xlsx");
        new FormTemplate(RULES, 2025).write(file, FormTemplate.Prefill.of("CDCS-001", "x", FULL), null);
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            Cell total = sheet.getRow(rowOf(sheet, "F2") + 1).getCell(FormLayout.COL_SELF);
            // base 8.5+9+10+7.5+0+9+8+6.5+10+9.5 = 78, bonus 3, penalty 1.5
            assertThat(total.getNumericCellValue()).isEqualTo(79.5);
        }
    }

    @Test
    void aFormWithAnInsertedRowAndARenamedSheetIsStillRead() throws Exception {
        FormTemplate template = new FormTemplate(RULES, 2025);
        FormTemplate.Built built =
                template.build(false, FormTemplate.Prefill.of("CDCS-001", "Công đoàn Sở Tài chính", FULL));
        Sheet sheet = built.sheet();
        sheet.shiftRows(built.rows().get("B1"), sheet.getLastRowNum(), 2); // two rows inserted above B1
        sheet.createRow(built.rows().get("B1")).createCell(2).setCellValue("Ghi chú thêm của công đoàn cơ sở");
        built.workbook().setSheetName(0, "Sheet1");
        Path file = dir.resolve("edited.xlsx");
        FormTemplate.save(built, file, null);

        IngestRecord record = readBack(file);

        assertThat(record.problems()).isEmpty();
        assertThat(record.submission()).isEqualTo(FULL);
        assertThat(record.sheet()).isEqualTo("Sheet1");
    }

    @Test
    void officeDirtIsReadAndEveryChangeIsReported() throws Exception {
        FormTemplate.Built built = new FormTemplate(RULES, 2025)
                .build(true, FormTemplate.Prefill.of("cdcs-001 ", "C«ng ®oµn Së Tµi chÝnh", FULL));
        Sheet sheet = built.sheet();
        sheet.getRow(built.rows().get("A1")).getCell(FormLayout.COL_SELF).setCellValue("8,5 điểm");
        sheet.getRow(built.rows().get("A2")).getCell(FormLayout.COL_SELF).setCellValue("\u00A09\u00A0");
        sheet.getRow(built.rows().get("B2")).getCell(FormLayout.COL_SELF).setBlank();
        sheet.getRow(built.rows().get("executive_disciplined"))
                .getCell(FormLayout.COL_SELF)
                .setCellValue("Cã");
        sheet.getRow(built.rows().get("dues_remitted"))
                .getCell(FormLayout.COL_SELF)
                .setCellValue("x");
        Path file = dir.resolve("dirty.xls");
        FormTemplate.save(built, file, null);

        IngestRecord record = readBack(file);

        assertThat(record.accepted()).isTrue();
        Map<String, BigDecimal> self = new HashMap<>(FULL.self());
        self.remove("B2");
        assertThat(record.submission().self()).isEqualTo(self);
        assertThat(record.submission().facts()).isEqualTo(FULL.facts());
        int a1 = built.rows().get("A1") + 1;
        assertThat(record.problems())
                .extracting(
                        p -> p.severity() + " " + p.cell() + " " + p.reason().english())
                .containsExactlyInAnyOrder(
                        "CORRECTED C" + (built.nameRow() + 1) + " TCVN3 (ABC) text read as 'Công đoàn Sở Tài chính'",
                        "CORRECTED E" + a1
                                + " unit 'điểm' dropped, decimal comma, number stored as text: '8,5 điểm' read as 8.5",
                        "CORRECTED E" + (a1 + 1) + " number stored as text: '9' read as 9",
                        "NOTE  not scored (blank, counted as 0): B2",
                        "CORRECTED E" + (built.rows().get("executive_disciplined") + 1)
                                + " TCVN3 (ABC) text 'Cã' read as 'Có'");
        assertThat(record.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("dirty.xls"));
    }

    @Test
    void aWrongYearAnUnknownBranchAndABadCellRejectTheFormWithCellsCounted() throws Exception {
        FormTemplate.Built built =
                new FormTemplate(RULES, 2024).build(false, FormTemplate.Prefill.of("CDCS-777", "Công đoàn lạ", FULL));
        built.sheet()
                .getRow(built.rows().get("C2"))
                .getCell(FormLayout.COL_SELF)
                .setCellValue(12);
        Path file = dir.resolve("wrong.xlsx");
        FormTemplate.save(built, file, null);

        IngestRecord record = readBack(file);

        assertThat(record.accepted()).isFalse();
        assertThat(record.problems())
                .filteredOn(p -> p.severity() == Severity.REJECTED)
                .extracting(p -> p.reason().english())
                .containsExactlyInAnyOrder(
                        "the form is for 2024; this run is for 2025",
                        "branch CDCS-777 is not in the registry",
                        "score 12 is above the maximum 10 for C2");
        assertThat(record.cellsRead()).isEqualTo(37);
        assertThat(record.cellsInvalid()).isEqualTo(3);
    }

    @Test
    void filesThatAreNoFormAreRefusedWithAReason() throws Exception {
        Path pdf = dir.resolve("phieu.xlsx");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj\n");
        assertThat(refusal(pdf)).contains("a PDF, not a spreadsheet");

        Path truncated = dir.resolve("cut.xlsx");
        new FormTemplate(RULES, 2025).write(truncated, FormTemplate.Prefill.blank(), null);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(truncated)).contains("the workbook is incomplete (cut short");

        Path encrypted = dir.resolve("locked.xlsx");
        encrypt(dir.resolve("plain.xlsx"), encrypted);
        assertThat(refusal(encrypted)).contains("password-protected");

        Path table = dir.resolve("table.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(table)) {
            wb.createSheet("Bảng").createRow(0).createCell(0).setCellValue("code");
            wb.write(out);
        }
        assertThat(refusal(table)).contains("not a self-assessment form");

        Path twoForms = dir.resolve("two.xlsx");
        FormTemplate.Built built = new FormTemplate(RULES, 2025).build(false, FormTemplate.Prefill.blank());
        built.workbook().cloneSheet(0);
        FormTemplate.save(built, twoForms, null);
        assertThat(refusal(twoForms)).contains("each hold a form");
    }

    private String refusal(Path file) {
        Throwable t = catchThrowable(
                () -> new FormReader(RULES).read(file, file.getFileName().toString()));
        assertThat(t).isInstanceOf(UnreadableFileException.class);
        return t.getMessage();
    }

    private void encrypt(Path plain, Path encrypted) throws Exception {
        new FormTemplate(RULES, 2025).write(plain, FormTemplate.Prefill.blank(), null);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("matkhau");
            try (var pkg = OPCPackage.open(plain.toFile());
                    OutputStream os = encryptor.getDataStream(fs)) {
                pkg.save(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
    }

    private static int rowOf(Sheet sheet, String id) {
        for (var row : sheet) {
            Cell c = row.getCell(FormLayout.COL_ID);
            if (c != null
                    && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(id)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + id);
    }

    private static String sheetText(Sheet sheet) {
        StringBuilder s = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> s.append(c.toString()).append('\n')));
        return s.toString();
    }
}
