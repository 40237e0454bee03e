package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import vn.unionreview.ResultsCsv;
import vn.unionreview.Slow;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;
import vn.unionreview.sign.Pdfsig;
import vn.unionreview.sign.ThrowawayCa;
import vn.unionreview.year.Publisher;

/**
 * The round trip a province makes with the unions beneath it, as people would make it: the shipped 2026 sample's
 * branches split among three units, each running and publishing its own year (two signing with their own keys, one
 * unsigned); the province runs with their bundles and a tampered copy of one, appraises one branch, publishes signed,
 * and an auditor verifies the province's run from its archive alone.
 */
@Slow // seven runs, three publications, pdfsig and a replay
class ProvinceRoundTripTest {

    private static final char[] PASSWORD = "mat-khau-don-vi".toCharArray();

    /** The units: name, the blocs of the sample they rate, their decision's number, and whether they sign. */
    private record UnitYear(String code, String name, Set<String> blocs, String number, boolean signs) {}

    private static final List<UnitYear> UNITS = List.of(
            new UnitYear(
                    "KKT",
                    "Công đoàn Khu kinh tế tỉnh",
                    Set.of("Khối Doanh nghiệp công nghiệp", "Khối Thương mại và Du lịch"),
                    "05/QĐ-CĐKKT",
                    true),
            new UnitYear("YTE", "Công đoàn ngành Y tế", Set.of("Khối Y tế"), "12/QĐ-CĐYT", true),
            new UnitYear(
                    "PTS",
                    "Công đoàn phường Thành Sen",
                    Set.of("Khối phường Thành Sen", "Khối Giáo dục - Đào tạo", "Khối Văn hóa - Truyền thông"),
                    "03/QĐ-CĐP",
                    false));

    @TempDir
    static Path dir;

    static Path province;
    static Path runDir;
    static CliRun run;
    static Path caPem;
    static Path unitDecision;

    @BeforeAll
    static void threeUnitsPublishAndTheProvinceTakesTheirBundles() throws Exception {
        ThrowawayCa ca = new ThrowawayCa("CA thử nghiệm LĐLĐ");
        province = Files.createDirectories(dir.resolve("province/input/2026/units"))
                .getParent();
        caPem = ca.writePem(province.resolve("units/ca.pem"));
        StringBuilder list = new StringBuilder("code,name,certificate\n");
        for (UnitYear unit : UNITS) {
            Path bundle = publish(unit, ca);
            Files.copy(bundle, province.resolve("units").resolve(bundle.getFileName()));
            list.append(unit.code()).append(',').append(unit.name()).append(",units/ca.pem\n");
        }
        Files.writeString(province.resolve("units.csv"), list);
        tamperedCopy(
                province.resolve("units").resolve(bundleOf(dir.resolve("KKT")).getFileName()),
                province.resolve("units/khu-kinh-te-ban-sua.zip"));
        // the province's appraisal: one branch of the health union moved down, with the reason
        Files.writeString(province.resolve("decisions.yaml"), """
                format: union-review/decisions/v1
                meeting: {number: 07/BB-HĐTĐKT, date: 2026-12-18}
                decisions:
                  - {branch: HT-SN-03, tier: HT, reason: "Thẩm định: hồ sơ thu chi tài chính chưa đầy đủ"}
                """);
        run = CliRun.of(
                "run",
                "--year",
                "2026",
                "--input",
                dir.resolve("province/input").toString(),
                "--output",
                dir.resolve("province/output").toString(),
                "--report-date",
                "2026-12-20");
        runDir = Path.of(run.lastLine());
    }

    /** A unit's year: its part of the sample, run, published (signed with its own key when it signs). */
    private static Path publish(UnitYear unit, ThrowawayCa ca) throws Exception {
        Path home = dir.resolve(unit.code());
        Path input = split(unit.blocs(), home.resolve("input/2026"));
        Path output = home.resolve("output");
        System.setProperty("union-review.report.years.2026.issuing-body.vi", unit.name());
        System.setProperty("union-review.report.years.2026.issuing-body.en", unit.name());
        try {
            CliRun unitRun = CliRun.of(
                    "run",
                    "--year",
                    "2026",
                    "--input",
                    input.getParent().toString(),
                    "--output",
                    output.toString(),
                    "--report-date",
                    "2026-12-10");
            assertThat(unitRun.exitCode()).as(unitRun.err()).isZero();
            if (unit.signs()) {
                Path key = ca.issuePkcs12(unit.name(), home.resolve("khoa.p12"), PASSWORD);
                System.setProperty("union-review.signing.pkcs12", key.toString());
            }
            Publisher.Published published = Publisher.publish(
                    output,
                    2026,
                    null,
                    unit.number(),
                    LocalDate.of(2026, 12, 12),
                    null,
                    null,
                    unit.signs() ? (file, role) -> PASSWORD.clone() : null);
            if (unit.signs() && unitDecision == null) {
                unitDecision = Path.of(unitRun.lastLine()).resolve(RunFile.DECISION_PDF.fileName());
            }
            return published.bundle();
        } finally {
            System.clearProperty("union-review.report.years.2026.issuing-body.vi");
            System.clearProperty("union-review.report.years.2026.issuing-body.en");
            System.clearProperty("union-review.signing.pkcs12");
        }
    }

    private static Path bundleOf(Path home) throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("output/2026/bundles"))) {
            return files.findFirst().orElseThrow();
        }
    }

    /** The sample's registry, tables and forms of the branches in {@code blocs}, as a unit's year folder. */
    private static Path split(Set<String> blocs, Path year) throws Exception {
        Path sample = Path.of("input/2026");
        Set<String> codes = new java.util.HashSet<>();
        Files.createDirectories(year.resolve("tables"));
        Files.createDirectories(year.resolve("forms"));
        copyRows(sample.resolve("registry.csv"), year.resolve("registry.csv"), r -> {
            if (blocs.contains(r.get("bloc"))) {
                codes.add(r.get("code"));
                return true;
            }
            return false;
        });
        try (Stream<Path> tables = Files.list(sample.resolve("tables"))) {
            for (Path table : tables.toList()) {
                copyRows(table, year.resolve("tables").resolve(table.getFileName()), r -> codes.contains(r.get(0)));
            }
        }
        try (Stream<Path> forms = Files.list(sample.resolve("forms"))) {
            for (Path form : forms.toList()) {
                String code = form.getFileName().toString().replace(".xlsx", "");
                if (codes.contains(code)) {
                    Files.copy(form, year.resolve("forms").resolve(form.getFileName()));
                }
            }
        }
        return year;
    }

    private static void copyRows(Path from, Path to, java.util.function.Predicate<CSVRecord> keep) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(skipBom(in), format);
                Writer out = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(parser.getHeaderNames());
            for (CSVRecord r : parser) {
                if (keep.test(r)) {
                    printer.printRecord(r.toList());
                }
            }
        }
    }

    private static Reader skipBom(Reader in) throws Exception {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    /** The bundle with one branch's tier raised in its results.csv, its index and signed manifest left as they were. */
    private static void tamperedCopy(Path bundle, Path copy) throws Exception {
        try (ZipFile in = new ZipFile(bundle.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : in.stream().toList()) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("results.csv")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replaceFirst(",TOT,", ",XS,")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    @Test
    void theSignedBundlesAreTakenAndTheUnsignedAndTheTamperedOneRefusedWithTheirReasons() throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.out())
                .contains("không có danh sách công đoàn cơ sở trực tiếp")
                .contains("nhận 2, từ chối 2, chưa gửi 0, được thay thế 0 (units.csv)");
        List<CSVRecord> units = ResultsCsv.records(runDir.resolve("units.csv"));
        assertThat(units)
                .extracting(u -> u.get("code") + " " + u.get("state") + " " + u.get("reason_code"))
                .containsExactlyInAnyOrder(
                        "KKT accepted ",
                        "KKT refused units.file_altered",
                        "YTE accepted ",
                        "PTS refused units.unsigned");
        assertThat(units).filteredOn(u -> u.get("state").equals("accepted")).allSatisfy(u -> {
            assertThat(u.get("signer")).isEqualTo(u.get("name"));
            assertThat(u.get("decision")).isNotEmpty();
            assertThat(u.get("decision_date")).isEqualTo("2026-12-12");
        });
        // the unit's own decision, signed with its key, checks for a tool no one here wrote
        assertThat(Pdfsig.report(unitDecision)).contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void theUnitsBranchesFormTheProvincesYearWithTheUnitsResultsAndTheAppraisalApplied() throws Exception {
        Map<String, CSVRecord> results = ResultsCsv.byCode(runDir.resolve("results.csv"));
        Map<String, CSVRecord> health = ResultsCsv.byCode(dir.resolve("YTE/output/2026")
                .resolve(Files.list(dir.resolve("YTE/output/2026"))
                        .filter(p -> p.getFileName().toString().length() == 12)
                        .findFirst()
                        .orElseThrow()
                        .getFileName())
                .resolve("results.csv"));
        assertThat(results.values()).allSatisfy(r -> assertThat(r.get("unit")).isIn("KKT", "YTE"));
        assertThat(results.values())
                .filteredOn(r -> r.get("unit").equals("YTE"))
                .hasSize(health.size());
        CSVRecord kept = results.get("HT-SN-01");
        assertThat(kept.get("total")).isEqualTo(health.get("HT-SN-01").get("total"));
        assertThat(kept.get("tier")).isEqualTo(health.get("HT-SN-01").get("tier"));
        assertThat(kept.get("rank_bloc")).isEqualTo(health.get("HT-SN-01").get("rank_bloc"));
        // the appraisal changed one branch's tier, recorded with the meeting that decided it
        CSVRecord appraised = results.get("HT-SN-03");
        assertThat(health.get("HT-SN-03").get("tier")).isEqualTo("TOT");
        assertThat(appraised.get("tier")).isEqualTo("HT");
        assertThat(appraised.get("decision")).isEqualTo("07/BB-HĐTĐKT");
        assertThat(Files.readString(RunFile.MANIFEST.in(runDir))).contains("HT-SN-03", "hồ sơ thu chi");
    }

    @Test
    void theReportAndTheWorkbookShowEachUnitsFigures() throws Exception {
        String report;
        try (var pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            report = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(report)
                .contains(
                        "Kết quả theo công đoàn cấp trên trực tiếp cơ sở",
                        "Công đoàn Khu kinh tế tỉnh",
                        "CĐKKT ngày 12/12/2026",
                        "Công đoàn ngành Y tế",
                        "Toàn tỉnh",
                        "Hoàn thành tốt trở lên (chỉ tiêu từ 70%)",
                        "Chưa tổng hợp kết quả của: Công đoàn phường Thành Sen (không tiếp nhận:",
                        "Đã tổng hợp kết quả của 2/3 công đoàn cấp trên trực tiếp cơ sở")
                // the province scored no branch itself: no criterion profile or statistics of nothing
                .doesNotContain("Mức đạt bình quân theo tiêu chí", "THỐNG KÊ ĐIỂM THEO NHÓM TIÊU CHÍ");
        assertThat(runDir.resolve("charts/doanh-nghiep-criterion-profile.png")).doesNotExist();
        assertThat(runDir.resolve("charts/doanh-nghiep-tiers.png")).exists();
        try (XSSFWorkbook wb = new XSSFWorkbook(runDir.resolve("results.xlsx").toFile())) {
            Sheet units = wb.getSheet("Đơn vị cấp dưới");
            assertThat(units).isNotNull();
            DataFormatter cells = new DataFormatter();
            List<String> lines = new java.util.ArrayList<>();
            for (Row row : units) {
                StringBuilder line = new StringBuilder();
                row.forEach(c -> line.append(cells.formatCellValue(c)).append('|'));
                lines.add(line.toString());
            }
            assertThat(lines).anyMatch(l -> l.startsWith("Công đoàn ngành Y tế|YTE|12/QĐ-CĐYT|12/12/2026|5|"));
            assertThat(lines).anyMatch(l -> l.startsWith("Công đoàn phường Thành Sen|PTS|không tiếp nhận|"));
        }
    }

    @Test
    void theProvincePublishesSignedAndItsRunVerifiesFromTheArchiveAlone() throws Exception {
        ThrowawayCa provinceCa = new ThrowawayCa("CA tỉnh");
        Path key = provinceCa.issuePkcs12("Liên đoàn Lao động tỉnh Hà Tĩnh", dir.resolve("tinh.p12"), PASSWORD);
        Path trust = provinceCa.writePem(dir.resolve("tinh.pem"));
        System.setProperty("union-review.signing.pkcs12", key.toString());
        Publisher.Published published;
        try {
            published = Publisher.publish(
                    dir.resolve("province/output"),
                    2026,
                    null,
                    "45/QĐ-LĐLĐ",
                    LocalDate.of(2026, 12, 22),
                    null,
                    null,
                    (file, role) -> PASSWORD.clone());
        } finally {
            System.clearProperty("union-review.signing.pkcs12");
        }
        String decision;
        try (var pdf = Loader.loadPDF(runDir.resolve("decision.pdf").toFile())) {
            decision = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(decision)
                .contains("Căn cứ Quyết định số 05/QĐ-CĐKKT ngày 12/12/2026 của Công đoàn Khu kinh tế tỉnh")
                .contains("Căn cứ Quyết định số 12/QĐ-CĐYT ngày 12/12/2026 của Công đoàn ngành Y tế");
        // the province's own bundle, for the body above it to take the same way
        assertThat(published.bundle()).isRegularFile();
        // the auditor has the archive and the manifest, not the input folder
        FileSystemUtils.deleteRecursively(dir.resolve("province/input"));
        CliRun verify = CliRun.of(
                "verify",
                "--trust",
                trust.toString(),
                RunFile.MANIFEST.in(runDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("trùng khớp");
    }
}
