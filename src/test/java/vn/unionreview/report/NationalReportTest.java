package vn.unionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.ResultsCsv;
import vn.unionreview.cli.CliRun;

/**
 * At national size the report lists the top of each bloc and counts award proposals per bloc instead of naming tens of
 * thousands of branches. The sample year, with both limits set low, shows it.
 */
class NationalReportTest {

    @Test
    void longListsAreAbridgedToTheTopOfEachBlocAndCountsPerBloc(@TempDir Path output) throws Exception {
        System.setProperty("union-review.report.appendix-rows", "3");
        System.setProperty("union-review.report.award-rows", "1");
        CliRun run;
        try {
            run = CliRun.of("run", "--year", "2025", "--output", output.toString(), "--report-date", "2026-01-05");
        } finally {
            System.clearProperty("union-review.report.appendix-rows");
            System.clearProperty("union-review.report.award-rows");
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = Path.of(run.lastLine());
        Map<String, CSVRecord> results = ResultsCsv.byCode(runDir.resolve("results.csv"));
        String text;
        try (PDDocument pdf = Loader.loadPDF(runDir.resolve("report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf).replaceAll("\\s+", " ");
        }
        Labels vi = new Labels("vi");

        Map<String, Integer> perBloc = new TreeMap<>();
        results.values().forEach(r -> perBloc.merge(r.get("bloc"), 1, Integer::sum));
        perBloc.forEach((bloc, n) -> {
            if (n > 3) {
                assertThat(text)
                        .as(bloc)
                        .contains(vi.get("appendix.more", vi.count(n - 3)).replaceAll("\\s+", " "));
            }
        });
        String appendices = text.substring(text.indexOf("Phụ lục I "), text.indexOf("Phụ lục VII "));
        for (CSVRecord r : results.values()) {
            boolean top = Integer.parseInt(r.get("rank_bloc")) <= 3;
            assertThat(appendices.contains(r.get("code") + " "))
                    .as("%s listed (bloc rank %s)", r.get("code"), r.get("rank_bloc"))
                    .isEqualTo(top);
        }

        // every award goes to more than one branch: proposals counted per bloc, not named
        String awards = text.substring(
                text.indexOf("IV. ĐỀ NGHỊ KHEN THƯỞNG"),
                text.indexOf("V. BIỂU ĐỒ", text.indexOf("IV. ĐỀ NGHỊ KHEN THƯỞNG")));
        for (String award : List.of("CO", "BK", "GK")) {
            Map<String, Integer> perBlocProposed = new TreeMap<>();
            results.values().stream()
                    .filter(r -> List.of(r.get("award").split(";")).contains(award))
                    .forEach(r -> perBlocProposed.merge(r.get("bloc"), 1, Integer::sum));
            assertThat(perBlocProposed.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .as(award)
                    .isGreaterThan(1);
            perBlocProposed.forEach((bloc, n) -> assertThat(awards)
                    .as("%s count of %s", award, bloc)
                    .containsPattern("\\d+ " + Pattern.quote(bloc) + " " + n + "\\b"));
        }
        assertThat(awards).doesNotContain("Công đoàn");
        // and a signal shown for more branches than that: counts per bloc, the names in the workbook's sheet
        String signals =
                text.substring(text.indexOf("III. DẤU HIỆU CẦN XEM XÉT"), text.indexOf("IV. ĐỀ NGHỊ KHEN THƯỞNG"));
        assertThat(signals)
                .contains("1 . Điểm tự chấm trùng khớp: 2 đơn vị. STT Khối thi đua Số CĐCS 1 Khối Giáo dục - Đào tạo 2")
                .doesNotContain("Trường THPT Nguyễn Trãi");
        assertThat(signals.replace(" ", ""))
                .contains(vi.get("integrity.byBloc", vi.get("sheet.integrity")).replace(" ", ""));
        // compared without spaces: the extractor splits an italic capital from its word ("D anh sách")
        assertThat(awards.replace(" ", ""))
                .contains(vi.get("award.names", vi.get("sheet.awards")).replace(" ", ""));
    }
}
