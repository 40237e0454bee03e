package vn.unionreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.EnglishLeaks;
import vn.unionreview.Fixtures;
import vn.unionreview.ResultsCsv;
import vn.unionreview.cli.CliRun;
import vn.unionreview.form.FormTemplate;
import vn.unionreview.ingest.MiniXlsx;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Catalogue;

/**
 * The class of hostile and malformed input, not three examples: one year folder holding good files and dozens of bad
 * ones of every kind (registry rows, CSV and xlsx tables, forms), built here, run through the real command line. The
 * job must finish (exit 0) with every file and row accounted for and refused with its reason, and nothing of the
 * input's dirt (control characters, stack traces) may reach the console or an output. Each case is one dynamic test
 * against the one run.
 */
class HostileInputEndToEndTest {

    private static final RuleSet RULES = Fixtures.rules2025();
    private static final List<String> CRITERIA =
            RULES.criteria().stream().map(c -> c.id()).toList();
    private static final List<String> HEADER = Stream.concat(
                    Stream.concat(Stream.of("code"), CRITERIA.stream()),
                    Stream.of(
                            "members_total",
                            "members_union",
                            "work_stoppage",
                            "finance_violation",
                            "executive_disciplined",
                            "dues_remitted"))
            .toList();
    /** The cells one table row is counted for: code, 14 criteria, 6 facts. */
    private static final int TABLE_CELLS = HEADER.size();

    private static final int FORM_CELLS = 37;
    /** Limits lowered for the test, so that a file past each can be small. */
    private static final Map<String, String> LIMITS = Map.of(
            "union-review.input.limits.row-characters", "100000",
            "union-review.input.limits.table-rows", "300",
            "union-review.input.limits.form-rows", "500",
            "union-review.input.limits.form-sheets", "20",
            "union-review.input.limits.form-cells", "2000",
            "union-review.input.limits.shared-text-bytes", "1000000");

    @TempDir
    static Path dir;

    static CliRun run;
    static String console;
    static Path runDir;
    static Map<String, CSVRecord> files;
    static List<CSVRecord> rejected;
    static List<CSVRecord> corrections;
    static Map<String, CSVRecord> results;

    /** One file and what must become of it. */
    record Case(String file, String status, int rows, int accepted, String reason) {}

    static final List<Case> CASES = new ArrayList<>();

    @BeforeAll
    static void runAYearOfHostileFiles() throws Exception {
        Path year = dir.resolve("input/2025");
        Files.createDirectories(year.resolve("tables"));
        Files.createDirectories(year.resolve("forms"));
        writeRegistry(year.resolve("registry.csv"));
        writeTables(year.resolve("tables"));
        writeXlsxTables(year.resolve("tables"));
        writeForms(year.resolve("forms"));

        LIMITS.forEach(System::setProperty);
        // English first: the CSVs' reasons are in the run's first language, and the reasons below are read in English;
        // the
        // Vietnamese workbook and report are written too, and checked to hold no English reason
        run = CliRun.withConsole(
                "run",
                "--year",
                "2025",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve("output").toString(),
                "--report-date",
                "2026-01-05",
                "--lang",
                "en,vi");
        console = run.out() + run.err();
        runDir = Path.of(run.lastLine());
        files = ResultsCsv.records(runDir.resolve("files.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("file"), r -> r));
        rejected = ResultsCsv.records(runDir.resolve("rejected.csv"));
        corrections = ResultsCsv.records(runDir.resolve("corrections.csv"));
        results = ResultsCsv.byCode(runDir.resolve("results.csv"));
    }

    @AfterAll
    static void restoreLimits() {
        LIMITS.keySet().forEach(System::clearProperty);
    }

    @Test
    void theJobFinishesWithEveryRowAndFileAccountedFor() throws Exception {
        assertThat(run.exitCode()).as(console).isZero();
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
        int rows = files.values().stream()
                .mapToInt(f -> Integer.parseInt(f.get("submissions")))
                .sum();
        int accepted = files.values().stream()
                .mapToInt(f -> Integer.parseInt(f.get("accepted")))
                .sum();
        assertThat(run.out())
                .contains("Submissions read: " + rows + ", accepted: " + accepted + ", rejected: " + (rows - accepted)
                        + ".");
        assertThat(results).hasSize(accepted);
        for (CSVRecord f : files.values()) {
            assertThat(Integer.parseInt(f.get("cells_read")))
                    .isEqualTo(Integer.parseInt(f.get("cells_accepted")) + Integer.parseInt(f.get("cells_rejected")));
            int perRow = f.get("type").equals("form") ? FORM_CELLS : TABLE_CELLS;
            assertThat(Integer.parseInt(f.get("cells_accepted")))
                    .as(f.get("file"))
                    .isEqualTo(perRow * Integer.parseInt(f.get("accepted")));
        }
        // every row rejected has a REJECTED line in rejected.csv naming its file and row
        for (CSVRecord f : files.values()) {
            long rejectedRows = rejected.stream()
                    .filter(p -> p.get("file").equals(f.get("file"))
                            && p.get("severity").equals("REJECTED")
                            && !p.get("row").isEmpty())
                    .map(p -> p.get("row"))
                    .distinct()
                    .count();
            assertThat(rejectedRows).as(f.get("file")).isGreaterThanOrEqualTo(Integer.parseInt(f.get("rejected")));
        }
        assertThat(Files.readString(runDir.resolve("summary.txt")))
                .contains(
                        "Registry: " + (80 + 5) + " branches."); // 80 good rows, and 5 corrected of the 12 hostile ones
    }

    @Test
    void theConsoleHasNoStackTraceAndNoLibraryLogLine() {
        assertThat(console).doesNotContain("Exception", "\tat ", " WARN ", " ERROR ", "Caused by");
        assertThat(runDir.resolve("run.log")).exists();
    }

    /**
     * Every reason of the hostile corpus is a catalogued code, and the Vietnamese workbook says each in Vietnamese: no
     * cell of it is the English reason the English CSVs give for the same problem.
     */
    @Test
    void everyReasonOfTheCorpusIsCataloguedAndSaidInVietnamese() throws Exception {
        List<CSVRecord> all = new ArrayList<>(rejected);
        all.addAll(corrections);
        Set<String> english = new HashSet<>();
        for (CSVRecord r : all) {
            assertThat(r.get("reason_code")).as(r.get("reason")).isNotEqualTo("legacy.text");
            assertThat(Catalogue.of("vi").has(r.get("reason_code")))
                    .as(r.get("reason_code"))
                    .isTrue();
            english.add(r.get("reason"));
        }
        for (CSVRecord f : files.values()) {
            if (!f.get("reason_code").isEmpty()) {
                assertThat(Catalogue.of("vi").has(f.get("reason_code")))
                        .as(f.get("reason_code"))
                        .isTrue();
            }
        }
        assertThat(english).hasSizeGreaterThan(40);
        List<String> englishInVietnamese = new ArrayList<>();
        int cells = 0;
        try (var workbook = new XSSFWorkbook(runDir.resolve("results.xlsx").toFile())) {
            for (var row : workbook.getSheet("Dữ liệu lỗi")) {
                for (var cell : row) {
                    cells++;
                    if (english.contains(cell.toString())) {
                        englishInVietnamese.add(cell.toString());
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(200);
        assertThat(englishInVietnamese).isEmpty();
    }

    @Test
    void noLetterCarriesALibrarysWordsOrTheCataloguesEnglish() throws Exception {
        List<String> leaks = new ArrayList<>();
        int letters = 0;
        try (Stream<Path> pdfs = Files.list(runDir.resolve("feedback"))) {
            for (Path pdf :
                    pdfs.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                letters++;
                String text;
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    text = new PDFTextStripper().getText(doc);
                }
                EnglishLeaks.libraryWords(text).forEach(w -> leaks.add(pdf.getFileName() + ": " + w));
                EnglishLeaks.in(text).forEach(w -> leaks.add(pdf.getFileName() + ": " + w));
            }
        }
        assertThat(letters).isGreaterThan(10);
        assertThat(leaks).isEmpty();
    }

    @Test
    void noOutputCarriesAControlCharacter() throws Exception {
        for (String name : List.of(
                "results.csv", "rejected.csv", "corrections.csv", "not-submitted.csv", "files.csv", "summary.txt")) {
            String text = Files.readString(runDir.resolve(name));
            assertThat(text.chars()
                            .filter(c -> (c < 0x20 && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F))
                            .count())
                    .as(name)
                    .isZero();
        }
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text.chars()
                            .filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                            .count())
                    .isZero();
        }
        try (var workbook = new XSSFWorkbook(runDir.resolve("results.xlsx").toFile())) {
            for (var sheet : workbook) {
                for (var row : sheet) {
                    for (var cell : row) {
                        assertThat(cell.toString()
                                        .chars()
                                        .filter(c -> c < 0x20 && c != '\n')
                                        .count())
                                .as(sheet.getSheetName() + " " + cell.getAddress())
                                .isZero();
                    }
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFileIsReadOrRefusedWithItsReason() {
        return CASES.stream()
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> {
                    // a file refused for its name is listed under a printable, shortened name: found by its beginning
                    CSVRecord f = files.entrySet().stream()
                            .filter(e -> e.getKey().equals(c.file())
                                    || (e.getKey().contains(" #") && e.getKey().startsWith(c.file())))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(c.file() + " is not in files.csv"));
                    assertThat(f.get("status")).as(c.file()).isEqualTo(c.status());
                    assertThat(f.get("submissions")).as(c.file() + " rows").isEqualTo(Integer.toString(c.rows()));
                    assertThat(f.get("accepted")).as(c.file() + " accepted").isEqualTo(Integer.toString(c.accepted()));
                    assertThat(Integer.parseInt(f.get("rejected"))).isEqualTo(c.rows() - c.accepted());
                    if (c.reason() != null) {
                        List<String> reasons = rejected.stream()
                                .filter(p -> p.get("file").equals(f.get("file")))
                                .map(p -> p.get("reason"))
                                .toList();
                        assertThat(reasons)
                                .as(c.file())
                                .anySatisfy(r -> assertThat(r).contains(c.reason()));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyRegistryRowIsUsedOrRejectedWithItsReason() {
        return Stream.of(
                registryRejected(
                        "a name of 5,000 characters", "H-901", "the name is 5000 characters long; at most 300"),
                registryRejected("a code of 5,000 characters", "", "the branch code is 5000 characters long"),
                registryRejected(
                        "a code that is a formula",
                        "'=HYPERLINK(1)",
                        "a code holds letters, digits, spaces and - _ . / only"),
                registryRejected("a bloc of 500 characters", "H-907", "the bloc is 500 characters long; at most 200"),
                registryRejected("no bloc", "H-908", "registry row has no bloc"),
                registryRejected("a repeated code", "H-001", "code H-001 repeats registry row 2"),
                registryRejected("a name past a cell's 32,767 characters", "H-910", "more than 32767 characters"),
                registryCorrected(
                        "control characters in a name",
                        "H-904",
                        "Công đoàn Trường Tiểu học",
                        "2 control characters removed"),
                registryCorrected(
                        "a NUL in a name", "H-912", "Công đoàn Trường Mầm non", "1 control character removed"),
                registryCorrected(
                        "a name typed in TCVN3",
                        "H-905",
                        "Công đoàn Trường",
                        "TCVN3 (ABC) text read as 'Công đoàn Trường'"),
                registryCorrected("a name typed in VNI", "H-906", "Công đoàn", "VNI text read as 'Công đoàn'"),
                DynamicTest.dynamicTest("registry: a name with a tab and a line break", () -> {
                    CSVRecord r = notSubmittedOrResult("H-911");
                    assertThat(r.get("name")).isEqualTo("Công đoàn Trường X");
                }));
    }

    private static DynamicTest registryRejected(String what, String code, String reason) {
        // a value a spreadsheet would take for a formula is written with a leading ' (as every output does)
        return DynamicTest.dynamicTest("registry: " + what, () -> {
            assertThat(rejected).anySatisfy(p -> {
                assertThat(p.get("file")).isEqualTo("registry.csv");
                assertThat(p.get("severity")).isEqualTo("REJECTED");
                assertThat(p.get("reason")).contains(reason);
                if (!code.isEmpty()) {
                    assertThat(p.get("code")).isEqualTo(code);
                }
            });
        });
    }

    private static DynamicTest registryCorrected(String what, String code, String name, String note) {
        return DynamicTest.dynamicTest("registry: " + what, () -> {
            assertThat(corrections).anySatisfy(p -> {
                assertThat(p.get("file")).isEqualTo("registry.csv");
                assertThat(p.get("code")).isEqualTo(code);
                assertThat(p.get("reason")).isEqualTo(note);
            });
            assertThat(notSubmittedOrResult(code).get("name")).isEqualTo(name);
        });
    }

    private static CSVRecord notSubmittedOrResult(String code) throws IOException {
        if (results.containsKey(code)) {
            return results.get(code);
        }
        return ResultsCsv.records(runDir.resolve("not-submitted.csv")).stream()
                .filter(r -> r.get("code").equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " neither scored nor listed as not submitted"));
    }

    // ---- the corpus ----------------------------------------------------------------------------------------

    private static void writeRegistry(Path file) throws IOException {
        StringBuilder s = new StringBuilder("code,name,bloc\n");
        for (int i = 1; i <= 80; i++) {
            s.append(code(i))
                    .append(",Công đoàn cơ sở số ")
                    .append(i)
                    .append(',')
                    .append(i <= 40 ? "Khối A" : "Khối B")
                    .append('\n');
        }
        s.append("H-901,").append("Tên rất dài ".repeat(417), 0, 4999).append("x,Khối A\n");
        s.append("X".repeat(5000)).append(",Công đoàn,Khối A\n");
        s.append("=HYPERLINK(1),Công đoàn,Khối A\n");
        s.append("H-904,Công đoàn\u0001 Trường Tiểu học\u0007,Khối A\n");
        s.append("H-912,Công đoàn Trường\u0000 Mầm non,Khối B\n"); // one NUL in one name: cleaned, and the run goes on
        s.append("H-905,C\u00ABng \u00AEo\u00B5n Tr\u00AD\u00EAng,Khối A\n");
        s.append("H-906,Coâng ñoaøn,Khối A\n");
        s.append("H-907,Công đoàn,").append("K".repeat(500)).append('\n');
        s.append("H-908,Công đoàn,\n");
        s.append("H-001,Trùng mã,Khối A\n");
        s.append("H-910,").append("N".repeat(40_000)).append(",Khối A\n");
        s.append("H-911,\"Công\tđoàn\nTrường X\",Khối B\n");
        Files.writeString(file, s);
    }

    private static String code(int i) {
        return String.format("H-%03d", i);
    }

    /** A valid row for a branch: 7 on every group criterion, 0 bonus and penalty, facts that cap nothing. */
    private static List<String> goodRow(String code) {
        List<String> row = new ArrayList<>(List.of(code));
        CRITERIA.forEach(id -> row.add(id.startsWith("E") || id.startsWith("F") ? "0" : "7"));
        row.addAll(List.of("20", "18", "không", "không", "không", "có"));
        return row;
    }

    private static String csvLine(List<String> cells) {
        return String.join(",", cells);
    }

    private static String csv(List<List<String>> rows) {
        return Stream.concat(Stream.of(HEADER), rows.stream())
                .map(HostileInputEndToEndTest::csvLine)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void table(
            Path dir, String name, String content, String status, int rows, int accepted, String reason)
            throws IOException {
        Files.writeString(dir.resolve(name), content);
        CASES.add(new Case("tables/" + name, status, rows, accepted, reason));
    }

    private static void writeTables(Path dir) throws IOException {
        table(
                dir,
                "t01-good.csv",
                csv(IntStream.rangeClosed(1, 5).mapToObj(i -> goodRow(code(i))).toList()),
                "read",
                5,
                5,
                null);
        table(
                dir,
                "t02-unclosed-quote.csv",
                csv(List.of(goodRow("H-006"), goodRow("H-007"), goodRow("H-008"))) + "\"" + csvLine(goodRow("H-009"))
                        + "\n",
                "refused",
                3,
                0,
                "a quote opened on line 5 is never closed");
        List<String> afterQuote = goodRow("H-011");
        afterQuote.set(0, "\"H-011\"x");
        table(
                dir,
                "t03-text-after-quote.csv",
                csv(List.of(goodRow("H-010"), afterQuote, goodRow("H-090"))),
                "refused",
                1,
                0,
                "text after a closing quote");
        List<String> longRow = goodRow("H-013");
        longRow.add("9");
        table(
                dir,
                "t04-long-row.csv",
                csv(List.of(goodRow("H-012"), longRow, goodRow("H-014"))),
                "read",
                3,
                2,
                "holds a value beyond the header's last column");
        table(
                dir,
                "t05-short-row.csv",
                csv(List.of(goodRow("H-015").subList(0, 18), goodRow("H-016"))),
                "read",
                2,
                1,
                "the row has 18 fields and the header 21");
        table(
                dir,
                "t06-repeated-header.csv",
                csv(List.of(goodRow("H-017"), HEADER, goodRow("H-018"))),
                "read",
                3,
                2,
                "the header row is repeated here");
        // one NUL typed into one score cell costs that row only
        List<String> nul = goodRow("H-065");
        nul.set(1, "7\u00005");
        table(dir, "t07-nul.csv", csv(List.of(goodRow("H-064"), nul, goodRow("H-066"))), "read", 3, 2, "not a number");
        // text saved as UTF-16 without its byte-order mark: every other byte NUL, not text as read
        Files.write(
                dir.resolve("t07-utf16-no-bom.csv"),
                csv(List.of(goodRow("H-067"))).getBytes(StandardCharsets.UTF_16LE));
        CASES.add(new Case("tables/t07-utf16-no-bom.csv", "not read", 0, 0, "not a text file"));
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[0] = 0;
        Files.write(dir.resolve("t08-binary.csv"), binary);
        CASES.add(new Case("tables/t08-binary.csv", "not read", 0, 0, "not a text file"));
        table(
                dir,
                "t09-mixed-line-ends.csv",
                csvLine(HEADER) + "\r\n" + csvLine(goodRow("H-019")) + "\n" + csvLine(goodRow("H-020")) + "\r"
                        + csvLine(goodRow("H-021")) + "\r\n",
                "read",
                3,
                3,
                null);
        table(dir, "t10-empty.csv", "", "not read", 0, 0, "the file is empty");
        table(dir, "t11-header-only.csv", csvLine(HEADER) + "\n", "read", 0, 0, null);
        List<String> wideHeader = new ArrayList<>(HEADER);
        IntStream.range(wideHeader.size(), 16_384).forEach(i -> wideHeader.add("x" + i));
        table(
                dir,
                "t12-16384-columns.csv",
                csvLine(wideHeader) + "\n" + csvLine(goodRow("H-022")) + "\n",
                "read",
                1,
                1,
                null);
        wideHeader.add("one-too-many");
        table(
                dir,
                "t13-16385-columns.csv",
                csvLine(wideHeader) + "\n" + csvLine(goodRow("H-091")) + "\n",
                "not read",
                0,
                0,
                "16385 fields, more than the 16384 columns");
        List<String> bigCell = goodRow("H-023");
        bigCell.add("ghi chú ".repeat(4096).substring(0, 32_767));
        List<String> oversized = goodRow("H-024" + "4".repeat(32_763));
        table(
                dir,
                "t14-big-cells.csv",
                csvLine(Stream.concat(HEADER.stream(), Stream.of("ghi_chu")).toList()) + "\n" + csvLine(bigCell) + "\n"
                        + csvLine(oversized) + "\n",
                "read",
                2,
                1,
                "more than 32767 characters");
        table(
                dir,
                "t15-long-code.csv",
                csv(List.of(goodRow("H-025" + "X".repeat(5000)), goodRow("H-026"))),
                "read",
                2,
                1,
                "the branch code is 5005 characters long");
        table(
                dir,
                "t16-control-in-code.csv",
                csv(List.of(goodRow("H-027\u0001"))),
                "read",
                1,
                0,
                "the branch code holds '?'");
        Files.write(
                dir.resolve("t17-utf16.csv"),
                ("\uFEFF" + String.join("\t", HEADER) + "\r\n" + String.join("\t", goodRow("H-028")) + "\r\n")
                        .getBytes(StandardCharsets.UTF_16LE));
        CASES.add(new Case("tables/t17-utf16.csv", "read", 1, 1, null));
        table(
                dir,
                "t18-runaway-quote.csv",
                csv(List.of(goodRow("H-029"))) + "\"H-030," + "văn bản không đóng ngoặc\n".repeat(12_000),
                "refused",
                1,
                0,
                "a row longer than 100000 characters");
        table(
                dir,
                "t19-too-many-rows.csv",
                csv(Collections.nCopies(305, goodRow("H-031"))),
                "refused",
                299,
                0,
                "more than 300 rows");
        List<String> formula = goodRow("H-032");
        formula.set(15, "=1+1");
        table(dir, "t20-formula.csv", csv(List.of(formula)), "read", 1, 0, "'=1+1' is not a number");
        List<String> huge = goodRow("H-033");
        huge.set(1, "9".repeat(10_000));
        table(
                dir,
                "t21-huge-number.csv",
                csv(List.of(huge)),
                "read",
                1,
                0,
                "is too large: no score or count has more than 15 digits");
        List<String> hugeCount = goodRow("H-061");
        hugeCount.set(15, "9".repeat(30_000)); // members_total: was stored as 30 KB of JSON, past its column
        List<String> zeros = goodRow("H-062");
        zeros.set(1, "7.000000000000000000000000000000");
        table(
                dir,
                "t22-huge-count.csv",
                csv(List.of(hugeCount, zeros)),
                "read",
                2,
                1,
                "is too large: no score or count has more than 15 digits");
    }

    private static List<List<String>> sheetRows(String... codes) {
        List<List<String>> rows = new ArrayList<>(List.of(HEADER));
        for (String code : codes) {
            rows.add(goodRow(code));
        }
        return rows;
    }

    private static void xlsx(
            Path dir, String name, MiniXlsx workbook, String status, int rows, int accepted, String reason)
            throws IOException {
        workbook.write(dir.resolve(name));
        CASES.add(new Case("tables/" + name, status, rows, accepted, reason));
    }

    private static void writeXlsxTables(Path dir) throws IOException {
        String sheet = MiniXlsx.sheetXml("A1:U2", sheetRows("H-092"), "");
        xlsx(
                dir,
                "x01-doctype.xlsx",
                new MiniXlsx()
                        .sheetXml("Bảng", sheet.replace("?>\n", "?>\n<!DOCTYPE worksheet [<!ENTITY boom \"boom\">]>")),
                "not read",
                0,
                0,
                "DOCTYPE");
        xlsx(
                dir,
                "x02-zip-bomb.xlsx",
                new MiniXlsx().sheetXml("Bảng", MiniXlsx.sheetXml(null, sheetRows("H-093"), " ".repeat(20 << 20))),
                "not read",
                0,
                0,
                "a zip bomb");
        xlsx(
                dir,
                "x03-macros.xlsx",
                new MiniXlsx()
                        .sheetXml("Bảng", sheet)
                        .part("xl/vbaProject.bin", new byte[512], "application/vnd.ms-office.vbaProject"),
                "not read",
                0,
                0,
                "macro-enabled");
        xlsx(
                dir,
                "x04-external-links.xlsx",
                new MiniXlsx()
                        .sheetXml("Bảng", sheet)
                        .part(
                                "xl/externalLinks/externalLink1.xml",
                                "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"
                                        .getBytes(StandardCharsets.UTF_8),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"),
                "not read",
                0,
                0,
                "links to other workbooks");
        xlsx(dir, "x05-no-sheet.xlsx", new MiniXlsx(), "not read", 0, 0, "the workbook has no sheet");
        xlsx(
                dir,
                "x06-huge-dimension.xlsx",
                new MiniXlsx().sheetXml("Bảng", MiniXlsx.sheetXml("A1:XFD2000000", sheetRows("H-094"), "")),
                "not read",
                0,
                0,
                "declares its size as A1:XFD2000000");
        Path whole = dir.resolve("whole.tmp");
        new MiniXlsx().sheetXml("Bảng", sheet).write(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(dir.resolve("x07-truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        CASES.add(new Case("tables/x07-truncated.xlsx", "not read", 0, 0, "the workbook is incomplete"));
        xlsx(
                dir,
                "x08-long-sheet-name.xlsx",
                new MiniXlsx().sheetXml("Bảng tổng hợp điểm tự chấm của các công đoàn", sheet),
                "not read",
                0,
                0,
                "which Excel does not allow");
        xlsx(
                dir,
                "x09-no-row-numbers.xlsx",
                new MiniXlsx()
                        .sheetXml(
                                "Bảng",
                                MiniXlsx.sheetXml(null, sheetRows("H-034", "H-035"), "")
                                        .replaceAll("<row r=\"\\d+\">", "<row>")),
                "read",
                2,
                2,
                null);
        xlsx(
                dir,
                "x10-missing-shared-text.xlsx",
                new MiniXlsx()
                        .sharedStrings("H-036")
                        .sheetXml(
                                "Bảng",
                                MiniXlsx.sheetXml(null, sheetRows("H-036", "H-037"), "")
                                        .replace(
                                                "<c r=\"A2\" t=\"inlineStr\"><is><t>H-036</t></is></c>",
                                                "<c r=\"A2\" t=\"s\"><v>0</v></c>")
                                        .replace(
                                                "<c r=\"A3\" t=\"inlineStr\"><is><t>H-037</t></is></c>",
                                                "<c r=\"A3\" t=\"s\"><v>99</v></c>")),
                "refused",
                1,
                0,
                "points at shared text '99'");
        xlsx(
                dir,
                "x11-exponent.xlsx",
                new MiniXlsx()
                        .sheetXml(
                                "Bảng",
                                MiniXlsx.sheetXml(null, sheetRows("H-038"), "")
                                        .replace("<c r=\"B2\"><v>7</v></c>", "<c r=\"B2\"><v>1E-999999999</v></c>")),
                "read",
                1,
                0,
                "'1E-999999999' is not a number");
        List<List<String>> wideCells = sheetRows("H-063");
        wideCells.set(1, new ArrayList<>(wideCells.get(1)));
        Random letters = new Random(13); // text that does not compress like a zip bomb
        IntStream.range(0, 4)
                .forEach(i -> wideCells
                        .get(1)
                        .add(letters.ints(30_000, 'a', 'z' + 1)
                                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                                .toString()));
        List<String> wideHeader = new ArrayList<>(HEADER);
        wideHeader.addAll(List.of("n1", "n2", "n3", "n4"));
        wideCells.set(0, wideHeader);
        xlsx(
                dir,
                "x13-huge-row.xlsx",
                new MiniXlsx().sheet("Bảng", wideCells),
                "not read",
                0,
                0,
                "more than 100000 characters in its cells");
        xlsx(
                dir,
                "x14-huge-shared-text.xlsx",
                new MiniXlsx().sharedStrings("ghi chú ".repeat(150_000)).sheetXml("Bảng", sheet),
                "not read",
                0,
                0,
                "the workbook's shared text is");
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("Bảng").createRow(0).createCell(0).setCellValue("code");
            workbook.write(xls);
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(xls.toByteArray()));
                OutputStream out = Files.newOutputStream(dir.resolve("x12-macros.xls"))) {
            fs.getRoot().createDirectory("_VBA_PROJECT_CUR");
            fs.writeFilesystem(out);
        }
        CASES.add(new Case("tables/x12-macros.xls", "not read", 0, 0, "macro-enabled"));
    }

    private static void form(Path dir, String name, String status, int accepted, String reason) {
        CASES.add(new Case("forms/" + name, status, status.equals("read") ? 1 : 0, accepted, reason));
    }

    private static FormTemplate.Prefill prefill(String code, String name) {
        Map<String, Object> self = new LinkedHashMap<>();
        CRITERIA.forEach(id -> self.put(id, id.startsWith("E") || id.startsWith("F") ? 0 : 7));
        Map<String, Object> facts = Map.of(
                "members_total",
                20,
                "members_union",
                18,
                "work_stoppage",
                "Không",
                "finance_violation",
                "Không",
                "executive_disciplined",
                "Không",
                "dues_remitted",
                "Có");
        return new FormTemplate.Prefill(code, name, self, Map.of(), facts);
    }

    private static void writeForms(Path dir) throws IOException {
        FormTemplate template = new FormTemplate(RULES, 2025);
        template.write(dir.resolve("H-040.xlsx"), prefill("H-040", "Công đoàn cơ sở số 40"), null);
        form(dir, "H-040.xlsx", "read", 1, null);
        template.write(dir.resolve("H-041.xlsx"), prefill("H-041", "Công đoàn\u0002 cơ sở số 41"), null);
        form(dir, "H-041.xlsx", "read", 1, null);
        template.write(dir.resolve("H-042.xlsx"), prefill("H-042" + "X".repeat(4995), "Công đoàn"), null);
        form(dir, "H-042.xlsx", "read", 0, "the branch code is 5000 characters long");
        Path plain = dir.resolve("plain.tmp");
        template.write(plain, prefill("H-043", "Công đoàn cơ sở số 43"), null);
        MiniXlsx.addPart(
                plain,
                dir.resolve("H-043.xlsm"),
                "xl/vbaProject.bin",
                new byte[512],
                "application/vnd.ms-office.vbaProject");
        Files.delete(plain);
        form(dir, "H-043.xlsm", "not read", 0, "macro-enabled");
        new MiniXlsx()
                .sheet("Phiếu", Collections.nCopies(501, List.of("Mã CĐCS", "H-044")))
                .write(dir.resolve("H-044.xlsx"));
        form(dir, "H-044.xlsx", "not read", 0, "more non-blank rows or cells than a form has");
        new MiniXlsx()
                .sheetXml(
                        "Phiếu",
                        MiniXlsx.sheetXml(null, List.of(List.of("Mã CĐCS", "H-045")), "")
                                .replace("?>\n", "?>\n<!DOCTYPE worksheet SYSTEM \"http://example.invalid/x.dtd\">"))
                .write(dir.resolve("H-045.xlsx"));
        form(dir, "H-045.xlsx", "not read", 0, "DOCTYPE");
        Files.writeString(dir.resolve("H-046.csv"), csv(List.of(goodRow("H-046"))));
        form(dir, "H-046.csv", "not read", 0, "a CSV file is a table, not a form");
        template.write(dir.resolve("H-047\u0007.xlsx"), prefill("H-047", "Công đoàn cơ sở số 47"), null);
        form(dir, "H-047?.xlsx", "not read", 0, "the file name holds control characters");
        Files.write(dir.resolve("H-048.xlsx"), new byte[0]);
        form(dir, "H-048.xlsx", "not read", 0, "the file is empty");
        MiniXlsx many = new MiniXlsx();
        IntStream.rangeClosed(1, 21).forEach(i -> many.sheet("Trang " + i, List.of(List.of("x"))));
        many.write(dir.resolve("H-049.xlsx"));
        form(dir, "H-049.xlsx", "not read", 0, "more than 20 sheets");
        new MiniXlsx()
                .sheet("Phiếu", Collections.nCopies(100, Collections.nCopies(30, "x")))
                .write(dir.resolve("H-051.xlsx"));
        form(dir, "H-051.xlsx", "not read", 0, "more non-blank rows or cells than a form has");
        String longName = "H-050-" + "x".repeat(239)
                + ".xlsx"; // 250 characters, 256 with its folder (a Linux name has at most 255 bytes)
        template.write(dir.resolve(longName), prefill("H-050", "Công đoàn cơ sở số 50"), null);
        form(dir, longName.substring(0, 100), "not read", 0, "characters long, more than 255: rename the file");
    }
}
