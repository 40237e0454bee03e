package vn.unionreview.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.unionreview.text.Catalogue;

class RunFileTest {

    private final Path run = Path.of("output", "2025", "abc");

    @Test
    void aFilePerLanguageIsNamedForVietnameseAsListedAndForAnotherWithItsCode() {
        assertThat(RunFile.REPORT.fileName("vi")).isEqualTo("report.pdf");
        assertThat(RunFile.REPORT.fileName("en")).isEqualTo("report-en.pdf");
        assertThat(RunFile.WORKBOOK.fileName("en")).isEqualTo("results-en.xlsx");
        assertThat(RunFile.CHARTS.fileName("en")).isEqualTo("charts-en/");
        assertThat(RunFile.CHARTS.in(run, "en")).isEqualTo(run.resolve("charts-en"));
        // a file of the run, not of a language, has one name
        assertThat(RunFile.RESULTS.fileName("en")).isEqualTo("results.csv");
    }

    @Test
    void aFolderIsFoundWithoutItsSlash() {
        assertThat(RunFile.LETTERS.isFolder()).isTrue();
        assertThat(RunFile.LETTERS.in(run)).isEqualTo(run.resolve("feedback"));
        assertThat(RunFile.WORK.in(run)).isEqualTo(run.resolve(".work"));
        assertThat(RunFile.MANIFEST.in(run)).isEqualTo(run.resolve("manifest.json"));
    }

    @Test
    void eachFileOfARunFolderIsKnownByItsEntry() {
        assertThat(RunFile.of("results.csv")).contains(RunFile.RESULTS);
        assertThat(RunFile.of("results.xlsx")).contains(RunFile.WORKBOOK);
        assertThat(RunFile.of("results-en.xlsx")).contains(RunFile.WORKBOOK);
        assertThat(RunFile.of("report-en.pdf")).contains(RunFile.REPORT);
        assertThat(RunFile.of("feedback/CDCS-001.pdf")).contains(RunFile.LETTERS);
        assertThat(RunFile.of("feedback/index.csv")).contains(RunFile.LETTER_INDEX);
        assertThat(RunFile.of("charts-en/tiers.svg")).contains(RunFile.CHARTS);
        assertThat(RunFile.of("charts/tiers.png")).contains(RunFile.CHARTS);
        assertThat(RunFile.of("manifest.json.p7s")).contains(RunFile.MANIFEST_SIGNATURE);
        assertThat(RunFile.of("notes.txt")).isEmpty();
        assertThat(RunFile.of("reports.pdf")).isEmpty();
    }

    @Test
    void theManifestNamesTheOutputsNotTheRunsOwnRecord() {
        assertThat(RunFile.REPORT.inManifest()).isTrue();
        assertThat(RunFile.LETTERS.inManifest()).isTrue();
        assertThat(RunFile.MANIFEST.inManifest()).isFalse();
        assertThat(RunFile.RUN_LOG.inManifest()).isFalse();
        assertThat(RunFile.DECISION_PDF.inManifest())
                .as("publish adds it after")
                .isFalse();
    }

    @Test
    void eachFileIsDescribedInEveryLanguage() {
        for (String lang : List.of("vi", "en")) {
            Catalogue words = Catalogue.of(lang);
            for (RunFile file : RunFile.values()) {
                assertThat(words.has(file.described().code()))
                        .as(lang + " " + file)
                        .isTrue();
            }
        }
        assertThat(Catalogue.of("vi").render(RunFile.REPORT.described())).startsWith("báo cáo cho lãnh đạo");
    }

    @Test
    void namesAreUniqueAndEveryFileHasAWriterAndAReader() {
        assertThat(Arrays.stream(RunFile.values()).map(RunFile::fileName)).doesNotHaveDuplicates();
        for (RunFile file : RunFile.values()) {
            assertThat(file.writtenBy()).as(file.name()).isNotBlank();
            assertThat(file.reader()).as(file.name()).isNotNull();
        }
    }
}
