package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

import vn.unionreview.Fixtures;
import vn.unionreview.cli.CliRun;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetLoader;

/**
 * Leaders read names, never ids: the report, the workbook and the published decision of the sample year (with the
 * council's decisions, so that an award is withdrawn and a tier set) hold no award, tier, cap, fact or fact-check id of
 * the rule set, and no configuration key, where a name belongs. Ids stay in the CSVs' code columns and the manifest.
 */
class NamesNotIdsTest {

    @TempDir
    static Path dir;

    static Path runDir;
    static List<String> ids = new ArrayList<>();

    @BeforeAll
    static void aPublishedRunWithDecisions() throws Exception {
        Path year = Fixtures.copySampleYear(dir.resolve("input/2025"));
        Fixtures.councilDecisions(
                year,
                "{branch: CDCS-025, award: CO, action: withdraw, reason: \"Hội đồng chọn trường kia\"}",
                "{branch: CDCS-002, tier: TOT, reason: \"Khiếu nại được chấp nhận\"}");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2025",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve("output").toString(),
                "--report-date",
                "2026-01-05");
        assertThat(run.exitCode()).as(run.err()).isZero();
        runDir = Path.of(run.lastLine());
        CliRun published = CliRun.of(
                "publish",
                "--year",
                "2025",
                "--number",
                "123/QĐ-CĐVC",
                "--date",
                "2026-01-20",
                "--output",
                dir.resolve("output").toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        RuleSet rules = Fixtures.rules2025();
        rules.awards().forEach(a -> ids.add(a.id()));
        rules.tiers().forEach(t -> ids.add(t.id()));
        rules.caps().forEach(c -> ids.add(c.id()));
        rules.facts().forEach(f -> ids.add(f.id()));
        rules.derived().forEach(d -> ids.add(d.id()));
        RuleSetLoader.loadChecks(Path.of("config/rules/2025.yaml"), rules)
                .checks()
                .forEach(c -> ids.add(c.id()));
        ids.addAll(List.of(
                "near-identical-points",
                "inflation-z",
                "inflation-min-points",
                "jump-points",
                "generic-authors",
                "union-review.",
                "Spring Batch"));
    }

    @Test
    void theReportNamesAwardsTiersCapsAndThresholds() throws Exception {
        assertNoIds("report.pdf", pdfText(runDir.resolve("report.pdf")));
    }

    @Test
    void theDecisionNamesAwardsAndTiersInItsPdfAndDocx() throws Exception {
        assertNoIds("decision.pdf", pdfText(runDir.resolve("decision.pdf")));
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(runDir.resolve("decision.docx")));
                XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertNoIds("decision.docx", text.getText());
        }
    }

    @Test
    void theWorkbookNamesAwardsCapsAndFactsInEverySheet() throws Exception {
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(runDir.resolve("results.xlsx")))) {
            for (Sheet sheet : workbook) {
                StringBuilder cells = new StringBuilder();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.append(format.formatCellValue(cell)).append('\n');
                    }
                }
                // the rejected-input sheet quotes what was typed and where: ids there are the input's, not ours
                if (!sheet.getSheetName().equals("Dữ liệu lỗi")) {
                    assertNoIds("results.xlsx, sheet " + sheet.getSheetName(), cells.toString());
                }
            }
        }
    }

    @Test
    void theLettersNameWhatTheyTalkAbout() throws Exception {
        List<Path> letters;
        try (var files = Files.list(runDir.resolve("feedback"))) {
            letters = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        // the sample year has 24 branches with something to fix: a check over no letter would pass for nothing
        assertThat(letters).as("letters written").hasSize(24);
        for (Path letter : letters) {
            assertNoIds(letter.getFileName().toString(), pdfText(letter));
        }
    }

    @Test
    void theCheckFindsIdsWhereTheyBelong() throws Exception {
        // results.csv keeps the ids in its code columns: the same check finds them there, so it can fail
        assertThat(idsIn(Files.readString(runDir.resolve("results.csv"))))
                .contains("CO", "BK", "GK", "XS", "TOT", "HT", "work_stoppage");
        assertThat(ids).contains("union_above_total", "members_total", "inflation-z");
    }

    private static void assertNoIds(String where, String text) {
        assertThat(idsIn(text)).as("ids where names belong in " + where).isEmpty();
    }

    private static List<String> idsIn(String text) {
        return ids.stream()
                .filter(id -> Pattern.compile("(?<![\\p{L}\\p{N}_.-])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}_])")
                        .matcher(text)
                        .find())
                .toList();
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
