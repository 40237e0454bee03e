package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.EnglishLeaks;
import vn.unionreview.Fixtures;

/**
 * A Vietnamese office reads no English: the sample year run with {@code --lang vi}, a council decision that cannot be
 * applied, a mistaken decisions file, then history, show, verify and publish. Every line the command line prints and
 * every human-facing output (summary.txt, the CSVs' reasons, every workbook cell, the report, the letters, the
 * decision) holds no English sentence of the catalogues. The same run in English is full of them, so the check can
 * fail.
 */
class VietnameseOutputsTest {

    @TempDir
    static Path dir;

    static Path output;
    static Map<String, String> vietnamese = new LinkedHashMap<>();
    static Map<String, String> english = new LinkedHashMap<>();
    static String[] englishRun;

    @BeforeAll
    static void theSampleYearAndEveryCommandAfterIt() throws Exception {
        Path year = Fixtures.copySampleYear(dir.resolve("input/2025"));
        Fixtures.councilDecisions(
                year,
                "{branch: CDCS-025, award: CO, action: withdraw, reason: \"Hội đồng chọn trường kia\"}",
                "{branch: CDCS-999, award: CO, action: withdraw, reason: \"Mã gõ nhầm\"}");
        output = dir.resolve("output");
        String input = dir.resolve("input").toString();
        CliRun run = command(
                vietnamese,
                "run",
                "--year",
                "2025",
                "--input",
                input,
                "--output",
                output.toString(),
                "--report-date",
                "2026-01-05",
                "--lang",
                "vi");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = Path.of(run.lastLine());
        command(
                vietnamese,
                "run",
                "--year",
                "2025",
                "--input",
                input,
                "--output",
                output.toString(),
                "--report-date",
                "2026-01-05",
                "--lang",
                "vi");
        command(
                vietnamese,
                "run",
                "--year",
                "2025",
                "--input",
                input,
                "--output",
                output.toString(),
                "--resume",
                "--lang",
                "vi");
        command(vietnamese, "history", "--year", "2025", "--output", output.toString());
        command(vietnamese, "show", runDir.toString());
        command(vietnamese, "verify", runDir.resolve("manifest.json").toString());
        command(
                vietnamese,
                "publish",
                "--year",
                "2025",
                "--number",
                "123/QĐ-CĐVC",
                "--date",
                "2026-01-20",
                "--output",
                output.toString());
        command(vietnamese, "publish", "--year", "2025", "--number", "124/QĐ-CĐVC", "--output", output.toString());
        command(vietnamese, "rnu", "--year", "2025");
        command(vietnamese, "run", "--year", "2031");
        Files.writeString(dir.resolve("2025.yaml"), "format: union-review/rules/v1\nyear: 2025\ngroups: x\n");
        command(
                vietnamese,
                "run",
                "--year",
                "2025",
                "--rules",
                dir.resolve("2025.yaml").toString());
        outputs(vietnamese, runDir);

        englishRun = new String[] {
            "run",
            "--year",
            "2025",
            "--input",
            input,
            "--output",
            dir.resolve("english").toString(),
            "--report-date",
            "2026-01-05",
            "--lang",
            "en"
        };
        CliRun inEnglish = command(english, englishRun);
        outputs(english, Path.of(inEnglish.lastLine()));
    }

    @Test
    void noVietnameseOutputHoldsAnEnglishSentence() {
        assertThat(vietnamese).hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        vietnamese.forEach((where, text) -> {
            EnglishLeaks.in(text).forEach(leak -> leaks.add(where + ": \"" + leak + "\""));
            // nor what a library said of a file it could not read (the sample's damaged form)
            EnglishLeaks.libraryWords(text).forEach(leak -> leaks.add(where + ": \"" + leak + "\""));
        });
        assertThat(leaks).isEmpty();
        // picocli's own words for a mistyped command are replaced by ours
        assertThat(vietnamese.values()).noneMatch(text -> text.contains("Unmatched argument"));
    }

    @Test
    void theSameRunInEnglishIsFullOfThem() {
        assertThat(EnglishLeaks.size()).isGreaterThan(300);
        assertThat(EnglishLeaks.in(english.get("command line #0: " + String.join(" ", englishRun))))
                .contains("scored and ranked", "is not in the year's registry");
        assertThat(english.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("report"))
                        .map(e -> EnglishLeaks.in(e.getValue())))
                .allSatisfy(found -> assertThat(found).isNotEmpty());
    }

    private static CliRun command(Map<String, String> into, String... args) {
        CliRun run = CliRun.of(args);
        into.put("command line #" + into.size() + ": " + String.join(" ", args), run.out() + "\n" + run.err());
        return run;
    }

    /** Every human-facing file of a run folder, as text. */
    private static void outputs(Map<String, String> into, Path runDir) throws Exception {
        into.put("summary.txt", Files.readString(runDir.resolve("summary.txt"), StandardCharsets.UTF_8));
        for (String csv :
                List.of("rejected.csv", "corrections.csv", "not-submitted.csv", "files.csv", "integrity.csv")) {
            into.put(csv, Files.readString(runDir.resolve(csv), StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = runDir.relativize(file).toString();
                if (name.endsWith(".pdf")) {
                    into.put(name, pdfText(file));
                } else if (name.endsWith(".xlsx")) {
                    into.put(name, cells(file));
                } else if (name.endsWith(".docx")) {
                    try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(file));
                            XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
                        into.put(name, text.getText());
                    }
                }
            }
        }
    }

    private static String cells(Path xlsx) throws Exception {
        DataFormatter format = new DataFormatter();
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(format.formatCellValue(cell)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
