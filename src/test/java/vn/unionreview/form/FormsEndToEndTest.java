package vn.unionreview.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.ResultsCsv;
import vn.unionreview.cli.CliRun;
import vn.unionreview.report.LibreOffice;

/**
 * Forms against the consolidated table of the same numbers: `template --all --from-table` writes one form per branch
 * from the sample's table, and a run on those forms must score every branch exactly as a run on the table does — with
 * our own files, and with files LibreOffice saved.
 */
class FormsEndToEndTest {

    private static final Path SAMPLE = Path.of("input", "2025");

    @TempDir
    Path dir;

    /** A year folder holding the sample registry and the given files under the given folder. */
    private Path year(String name, String folder, List<Path> files) throws Exception {
        Path yearDir = dir.resolve(name).resolve("2025");
        Files.createDirectories(yearDir.resolve(folder));
        Files.copy(SAMPLE.resolve("registry.csv"), yearDir.resolve("registry.csv"));
        for (Path f : files) {
            Files.copy(f, yearDir.resolve(folder).resolve(f.getFileName()));
        }
        return yearDir.getParent();
    }

    private Path run(Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--year",
                "2025",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("out-" + input.getFileName()).toString(),
                "--report-date",
                "2026-01-05"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        return Path.of(run.lastLine());
    }

    /** Forms for every branch of the sample table that the table itself accepts (rejected rows give blank forms). */
    private List<Path> formsFromTheTable(String format) throws Exception {
        Path out = dir.resolve("forms-" + format);
        CliRun template = CliRun.of(
                "template",
                "--year",
                "2025",
                "--all",
                "--registry",
                SAMPLE.resolve("registry.csv").toString(),
                "--from-table",
                SAMPLE.resolve("tables/bang-tong-hop.csv").toString(),
                "--format",
                format,
                "--out",
                out.toString());
        assertThat(template.exitCode()).as(template.err()).isZero();
        assertThat(template.out()).contains("đã ghi 63 phiếu", "(22 phiếu điền sẵn từ");
        // the branches the table has no accepted row for get blank forms: leave those out, as branches that did not
        // send one
        List<String> prefilled = ResultsCsv.records(runTable().resolve("results.csv")).stream()
                .map(r -> r.get("code"))
                .toList();
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(
                            f -> prefilled.contains(f.getFileName().toString().replaceAll("\\..*", "")))
                    .sorted()
                    .toList();
        }
    }

    private Path tableRun;

    private Path runTable() throws Exception {
        if (tableRun == null) {
            tableRun = run(year("table", "tables", List.of(SAMPLE.resolve("tables/bang-tong-hop.csv"))));
        }
        return tableRun;
    }

    @Test
    void formsScoreExactlyLikeTheConsolidatedTable() throws Exception {
        List<Path> forms = formsFromTheTable("xlsx");
        assertThat(forms).hasSize(22);
        Path formRun = run(year("forms", "forms", forms));
        assertSameResults(formRun);
    }

    @Test
    void xlsFormsScoreExactlyLikeTheConsolidatedTable() throws Exception {
        Path formRun = run(year("xls", "forms", formsFromTheTable("xls")));
        assertSameResults(formRun);
    }

    @Test
    void formsSavedByLibreOfficeAsXlsxAndXlsScoreExactlyLikeTheTable() throws Exception {
        LibreOffice.require();
        List<Path> ours = formsFromTheTable("xlsx");
        Path saved = dir.resolve("libreoffice");
        Files.createDirectories(saved);
        // half re-saved by LibreOffice as xlsx, half as Excel 97-2003
        List<Path> asXlsx = ours.subList(0, ours.size() / 2);
        List<Path> asXls = ours.subList(ours.size() / 2, ours.size());
        LibreOffice.convert(asXlsx, "xlsx", saved);
        LibreOffice.convert(asXls, "xls", saved);
        List<Path> savedForms;
        try (Stream<Path> files = Files.list(saved)) {
            savedForms = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(savedForms).hasSize(ours.size());
        assertThat(savedForms.stream().filter(f -> f.toString().endsWith(".xls")))
                .hasSize(asXls.size());
        for (Path f : savedForms) { // really LibreOffice's bytes, not ours
            Path original =
                    ours.get(0).resolveSibling(f.getFileName().toString().replaceAll("\\.xlsx?$", ".xlsx"));
            assertThat(Files.readAllBytes(f)).isNotEqualTo(Files.readAllBytes(original));
        }
        Path formRun = run(year("lo", "forms", savedForms));
        assertSameResults(formRun);
        List<CSVRecord> files = ResultsCsv.records(formRun.resolve("files.csv"));
        assertThat(files).allSatisfy(f -> assertThat(f.get("accepted")).isEqualTo("1"));
    }

    @Test
    void theNewerFormWinsOnlyWhenTheRuleSaysSo() throws Exception {
        Path runDir = run(SAMPLE.getParent(), "--duplicates", "newer-form-wins");
        List<CSVRecord> results = ResultsCsv.records(runDir.resolve("results.csv"));
        assertThat(results).extracting(r -> r.get("code")).contains("CDCS-060");
        List<CSVRecord> rejected = ResultsCsv.records(runDir.resolve("rejected.csv"));
        // the reasons are in the run's language, Vietnamese; reason_code is the key a machine reads
        assertThat(rejected)
                .extracting(r -> r.get("file") + ":" + r.get("reason_code") + ":" + r.get("reason"))
                .anyMatch(
                        s -> s.matches(
                                "forms/CDCS-060\\.xls:duplicate\\.superseded:bản này được thay bằng bản lưu sau là forms/CDCS-060 \\(gửi lại\\)\\.xlsx \\(lưu lúc 2025-12-\\d\\dT[0-9:]+Z\\)"));
        List<CSVRecord> notes = ResultsCsv.records(runDir.resolve("corrections.csv"));
        assertThat(notes)
                .extracting(r -> r.get("file") + ":" + r.get("reason"))
                .anyMatch(s -> s.startsWith(
                        "forms/CDCS-060 (gửi lại).xlsx:nhiều phiếu của CDCS-060: phiếu này, lưu lúc 2025-12-"));
        // the CSV/xlsx duplicate (no saved times in a table) is still rejected on both sides
        assertThat(rejected)
                .extracting(r -> r.get("code") + ":" + r.get("reason"))
                .anyMatch(s -> s.startsWith("CDCS-029:công đoàn cơ sở CDCS-029 gửi nhiều hơn một bản"));
        assertThat(runDir.getFileName().toString())
                .as("another rule, another run")
                .isNotEqualTo(run(SAMPLE.getParent()).getFileName().toString());
    }

    private void assertSameResults(Path formRun) throws Exception {
        List<CSVRecord> table = ResultsCsv.records(runTable().resolve("results.csv"));
        List<CSVRecord> forms = ResultsCsv.records(formRun.resolve("results.csv"));
        assertThat(forms).hasSameSizeAs(table);
        for (int i = 0; i < table.size(); i++) {
            assertThat(forms.get(i).toMap())
                    .as("branch " + table.get(i).get("code"))
                    .isEqualTo(table.get(i).toMap());
        }
        assertThat(Files.readAllBytes(formRun.resolve("results.csv")))
                .isEqualTo(Files.readAllBytes(runTable().resolve("results.csv")));
    }
}
