package vn.unionreview.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.form.FormTemplate;
import vn.unionreview.ingest.LegacyVietnamese;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.sample.SampleGenerator.SampleBranch;

/**
 * The sample year's forms, as branches send them: most as xlsx, the district offices as Excel 97-2003, each saved at a
 * fixed time so the files are the same on every machine; and the faults listed in {@link SampleGenerator}, each on a
 * branch outside the health bloc (whose quota case must stay whole) unless the fault changes nothing in the result.
 */
final class SampleForms {

    /** Column of the self score / fact value and of the verified score, as the template writes them. */
    private static final int SELF = 4;

    private final RuleSet rules;
    private final FormTemplate template;
    private final Path dir;

    SampleForms(RuleSet rules, int year, Path dir) {
        this.rules = rules;
        this.template = new FormTemplate(rules, year);
        this.dir = dir;
    }

    void write(List<SampleBranch> branches) throws IOException {
        Files.createDirectories(dir);
        int day = 0;
        for (SampleBranch b : branches) {
            Instant saved = Instant.parse("2025-12-15T08:00:00Z").plusSeconds(86_400L * (day++ % 20) + 60L * day);
            boolean xls = b.bloc().startsWith("Khối Huyện")
                    && !b.code().equals("CDCS-059"); // 059 moved to xlsx, with a password
            FormTemplate.Built form = template.build(xls, prefill(b));
            String file = b.code() + (xls ? ".xls" : ".xlsx");
            switch (b.code()) {
                case "CDCS-044" -> { // two rows inserted above the facts and the sheet renamed: read by labels and ids
                    Sheet sheet = form.sheet();
                    sheet.shiftRows(form.rows().get("members_total") - 1, sheet.getLastRowNum(), 2);
                    form.workbook().setSheetName(0, "Sheet1");
                }
                case "CDCS-047" -> { // bonus E1 left blank: "not scored", reported
                    cell(form, "E1", SELF).setBlank();
                    cell(form, "E1", SELF + 1).setBlank();
                }
                case "CDCS-048" -> text(form, "A1", b.self()[0].replace('.', ',') + " điểm");
                case "CDCS-050" -> text(form, "D1", "tốt");
                case "CDCS-052" -> text(form, "A2", "\u00A0" + b.self()[1] + "\u00A0");
                case "CDCS-053" -> { // a formula whose value was never saved (written by a program that does not
                    // compute)
                    Row row = form.sheet().getRow(form.rows().get("B1"));
                    row.removeCell(row.getCell(SELF));
                    Cell formula = row.createCell(SELF);
                    formula.setCellFormula("4+4");
                }
                case "CDCS-057" -> legacy(form, LegacyVietnamese.Encoding.TCVN3, b); // typed with a .VnTime font
                case "CDCS-058" -> legacy(form, LegacyVietnamese.Encoding.VNI, b); // typed with VNI-Times
                default -> {}
            }
            // one person filled in two branches' forms and saved them under her name: a signal for the council
            FormTemplate.save(
                    form,
                    dir.resolve(file),
                    saved,
                    Set.of("CDCS-049", "CDCS-051").contains(b.code()) ? "Nguyễn Thị Hoa" : null);
            switch (b.code()) {
                case "CDCS-059" -> encrypt(dir.resolve(file), "cdcs059");
                case "CDCS-060" -> resent(b, saved);
                case "CDCS-061" ->
                    Files.write(
                            dir.resolve("CDCS-061 (bản scan).pdf"),
                            "%PDF-1.4\n% bản chụp phiếu đã ký\n".getBytes(StandardCharsets.UTF_8));
                case "CDCS-062" -> {
                    byte[] bytes = Files.readAllBytes(dir.resolve(file)); // cut off in transfer
                    Files.write(dir.resolve(file), Arrays.copyOf(bytes, bytes.length * 3 / 5));
                }
                default -> {}
            }
        }
        SampleBranch stranger = new SampleBranch(
                "CDCS-098",
                "Công đoàn Trung tâm Lưu trữ lịch sử",
                "",
                branches.get(0).self(),
                new String[branches.get(0).self().length],
                branches.get(0).facts());
        FormTemplate.save(
                template.build(false, prefill(stranger)),
                dir.resolve("CDCS-098.xlsx"),
                Instant.parse("2026-01-02T09:00:00Z"));
    }

    private FormTemplate.Prefill prefill(SampleBranch b) {
        Map<String, Object> self = new LinkedHashMap<>();
        Map<String, Object> verified = new LinkedHashMap<>();
        for (int i = 0; i < SampleGenerator.CRITERIA.length; i++) {
            self.put(SampleGenerator.CRITERIA[i], new BigDecimal(b.self()[i]));
            if (b.verified()[i] != null) {
                verified.put(SampleGenerator.CRITERIA[i], new BigDecimal(b.verified()[i]));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        rules.facts().forEach(f -> facts.put(f.id(), factCell(b.facts().get(f.id()))));
        return new FormTemplate.Prefill(b.code(), b.name(), self, verified, facts);
    }

    /** A fact as the sample types it in a table ("có", "x", "không", a count), as a branch picks it on the form. */
    static Object factCell(String typed) {
        return switch (typed) {
            case "có", "x" -> "Có";
            case "không" -> "Không";
            default -> new BigDecimal(typed);
        };
    }

    /** An office still on a legacy font: the name and the yes/no answers as that font's encoding stores them. */
    private static void legacy(FormTemplate.Built form, LegacyVietnamese.Encoding encoding, SampleBranch b) {
        Cell name = form.sheet().getRow(form.nameRow()).getCell(2);
        name.setCellValue(LegacyVietnamese.encode(b.name(), encoding));
        for (String fact : List.of("work_stoppage", "finance_violation", "executive_disciplined", "dues_remitted")) {
            String v = b.facts().get(fact);
            cell(form, fact, SELF).setCellValue(LegacyVietnamese.encode(v.equals("không") ? "Không" : "Có", encoding));
        }
    }

    /** The branch sends its form again a few days later with one score changed. */
    private void resent(SampleBranch b, Instant first) throws IOException {
        FormTemplate.Built again = template.build(false, prefill(b));
        Cell a1 = cell(again, "A1", SELF);
        a1.setCellValue(Math.max(0, a1.getNumericCellValue() - 1));
        FormTemplate.save(again, dir.resolve(b.code() + " (gửi lại).xlsx"), first.plusSeconds(3 * 86_400L));
    }

    private static void text(FormTemplate.Built form, String id, String typed) {
        cell(form, id, SELF).setCellValue(typed);
    }

    private static Cell cell(FormTemplate.Built form, String id, int column) {
        return form.sheet().getRow(form.rows().get(id)).getCell(column);
    }

    /**
     * Encrypts the file in place as Excel does with "password to open". Fixed salts keep the sample reproducible; they
     * are no secret, the file only has to be locked.
     */
    private static void encrypt(Path file, String password) throws IOException {
        byte[] plain = Files.readAllBytes(file);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            byte[] salt = new byte[16];
            Arrays.fill(salt, (byte) 7);
            encryptor.confirmPassword(password, new byte[32], salt, new byte[64], salt, new byte[64]);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt the sample form: " + e.getMessage(), e);
            }
            AtomicFiles.write(file, fs::writeFilesystem);
        }
    }
}
