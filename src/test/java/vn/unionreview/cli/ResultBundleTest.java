package vn.unionreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.unionreview.Digests;
import vn.unionreview.Fixtures;

/**
 * What a unit hands the union above once it has published: one zip, named by issuing body, year and run, with its
 * manifest, results, lists of branches, summary and decision, each named with its SHA-256 in bundle.json; written
 * again, byte for byte, by {@code bundle}.
 */
class ResultBundleTest {

    @TempDir
    Path dir;

    @Test
    void publishingTheYearRuledByKindWritesItsBundleAndBundleWritesTheSameBytesAgain() throws Exception {
        Fixtures.copySampleYear(2026, dir.resolve("input/2026"));
        Path output = dir.resolve("output");
        CliRun run = CliRun.of(
                "run",
                "--year",
                "2026",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                output.toString(),
                "--report-date",
                "2026-12-20");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String runId = Path.of(run.lastLine()).getFileName().toString();
        CliRun published = CliRun.of(
                "publish",
                "--year",
                "2026",
                "--number",
                "12/QĐ-LĐLĐ",
                "--date",
                "2026-12-28",
                "--output",
                output.toString());
        assertThat(published.exitCode()).as(published.err()).isZero();
        Path bundle = output.resolve("2026/bundles/lien-doan-lao-dong-tinh-ha-tinh-2026-" + runId + ".zip");
        assertThat(published.out()).contains("gói kết quả gửi công đoàn cấp trên: " + bundle);

        Map<String, byte[]> entries = entries(bundle);
        assertThat(entries.keySet())
                .containsExactly(
                        "bundle.json",
                        "manifest.json",
                        "results.csv",
                        "not-submitted.csv",
                        "not-rated.csv",
                        "dissolved.csv",
                        "summary.txt",
                        "decision.pdf");
        JsonNode index = JsonMapper.builder().build().readTree(entries.get("bundle.json"));
        assertThat(index.get("format").asString()).isEqualTo("union-review/bundle/v1");
        assertThat(index.get("issuing_body").get("vi").asString()).isEqualTo("Liên đoàn Lao động tỉnh Hà Tĩnh");
        assertThat(index.get("year").asInt()).isEqualTo(2026);
        assertThat(index.get("run").asString()).isEqualTo(runId);
        assertThat(index.get("publication").get("number").asString()).isEqualTo("12/QĐ-LĐLĐ");
        List<String> checked = new ArrayList<>();
        for (JsonNode file : index.get("files")) {
            String name = file.get("name").asString();
            assertThat(Digests.sha256(entries.get(name)))
                    .as(name)
                    .isEqualTo(file.get("sha256").asString());
            checked.add(name);
        }
        assertThat(checked).hasSize(entries.size() - 1);
        assertThat(index.get("publication").get("decision_pdf_sha256").asString())
                .isEqualTo(Digests.sha256(entries.get("decision.pdf")));

        // the decision is the federation's, its annex each tier by kind, then bloc
        try (PDDocument decision = Loader.loadPDF(entries.get("decision.pdf"))) {
            assertThat(new PDFTextStripper().getText(decision).replaceAll("\\s+", " "))
                    .contains("BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ TĨNH")
                    .contains("Công đoàn cơ sở doanh nghiệp – Khối phường Thành Sen")
                    .contains("Công đoàn cơ sở đơn vị sự nghiệp công lập – Khối phường Thành Sen");
        }

        byte[] first = Files.readAllBytes(bundle);
        Files.delete(bundle);
        CliRun again = CliRun.of("bundle", "--year", "2026", "--output", output.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(bundle)).isEqualTo(first);

        CliRun never = CliRun.of("bundle", "--year", "2026", "--run", "abc", "--output", output.toString());
        assertThat(never.exitCode()).isEqualTo(2);
        assertThat(never.err()).contains("lần chạy abc của năm 2026 chưa từng được ban hành");
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return entries;
    }
}
