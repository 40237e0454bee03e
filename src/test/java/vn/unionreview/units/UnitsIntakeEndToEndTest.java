package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import vn.unionreview.ResultsCsv;
import vn.unionreview.audit.Manifest;
import vn.unionreview.cli.CliRun;
import vn.unionreview.run.RunFile;

/**
 * A province's year with the units beneath it: the run checks each unit's bundle offline as it reads its registry,
 * writes what became of each in units.csv, archives the bundles and certificates with the rest of its input, and
 * replays identically from its archive.
 */
class UnitsIntakeEndToEndTest {

    @TempDir
    static Path dir;

    static Path runDir;
    static CliRun run;

    @BeforeAll
    static void aProvinceYearWithThreeUnits() throws Exception {
        UnitBundles.provinceYear(dir);
        run = run("output");
        runDir = Path.of(run.lastLine());
    }

    /** The province's year run into {@code output}, as a person would start it. */
    private static CliRun run(String output) {
        return run("input", output);
    }

    private static CliRun run(String input, String output, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--year",
                "2026",
                "--input",
                dir.resolve(input).toString(),
                "--output",
                dir.resolve(output).toString(),
                "--report-date",
                "2026-12-20"));
        args.addAll(List.of(more));
        return CliRun.withConsole(args.toArray(String[]::new));
    }

    @Test
    void eachUnitIsListedWithWhatBecameOfItsBundle() throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.out())
                .contains("đơn vị cấp dưới: nhận 1, từ chối 1, chưa gửi 1, được thay thế 0 (units.csv)")
                // and at the end, as summary.txt says it
                .contains("Đơn vị cấp dưới: 3 trong danh sách; nhận 1,");
        Map<String, CSVRecord> units = ResultsCsv.byCode(runDir.resolve("units.csv"));
        assertThat(units.get("P-TS").get("state")).isEqualTo("accepted");
        assertThat(units.get("P-TS").get("signer")).isEqualTo("Công đoàn phường Thành Sen");
        assertThat(units.get("P-TS").get("decision")).isEqualTo("01/QĐ");
        assertThat(units.get("P-TS").get("branches")).isEqualTo("1");
        assertThat(units.get("X-TH").get("branches")).isEmpty();
        assertThat(units.get("X-TH").get("state")).isEqualTo("refused");
        assertThat(units.get("X-TH").get("reason_code")).isEqualTo("units.unsigned");
        assertThat(units.get("X-TH").get("reason")).contains("chưa được ký số");
        assertThat(units.get("X-CX").get("state")).isEqualTo("missing");
        assertThat(Files.readString(runDir.resolve("summary.txt")))
                .contains("Đơn vị cấp dưới: 3 trong danh sách; nhận 1, Hội đồng trả lại 0, từ chối 1, chưa gửi 1 (0 gói"
                        + " được thay bằng gói gửi sau; units.csv). Công đoàn cơ sở do đơn vị cấp dưới xếp loại: 1.");
        // the list's certificate that does not exist is named where the list says it
        assertThat(Files.readString(runDir.resolve("rejected.csv"))).contains("units.csv", "units.certificate_missing");
    }

    @Test
    void aProvinceThatAcceptsUnsignedBundlesTakesThemAndRecordsThatItDid() throws Exception {
        System.setProperty("union-review.units.unsigned-accepted", "true");
        CliRun lenient;
        try {
            lenient = run("lenient");
        } finally {
            System.clearProperty("union-review.units.unsigned-accepted");
        }
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        Path lenientDir = Path.of(lenient.lastLine());
        assertThat(ResultsCsv.byCode(lenientDir.resolve("units.csv"))
                        .get("X-TH")
                        .get("state"))
                .isEqualTo("accepted");
        // another setting, another run: recorded, and counted in its id
        assertThat(lenientDir.getFileName()).isNotEqualTo(runDir.getFileName());
        assertThat(Manifest.read(RunFile.MANIFEST.in(lenientDir)).settings())
                .containsEntry("union-review.units.unsigned-accepted", "true");
        assertThat(Manifest.read(RunFile.MANIFEST.in(runDir)).settings())
                .doesNotContainKey("union-review.units.unsigned-accepted");
    }

    @Test
    void theBundlesAndCertificatesAreArchivedAndTheRunReplaysIdentically() throws Exception {
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        assertThat(manifest.inputs())
                .extracting(a -> a.role() + " " + a.name())
                .contains("units_list units.csv", "unit units/ca.pem")
                .anyMatch(s -> s.startsWith("unit units/cong-doan-xa-thach-ha-2026-"));
        assertThat(manifest.outputs()).extracting(Manifest.Output::name).contains("units.csv");
        // the chain from the province's result to the unit's signed one
        assertThat(manifest.units()).singleElement().satisfies(u -> {
            assertThat(u.unit()).isEqualTo("P-TS");
            assertThat(u.signer()).isEqualTo("Công đoàn phường Thành Sen");
            assertThat(u.signedAt()).isNotEmpty();
            assertThat(u.decision()).isEqualTo("01/QĐ");
            assertThat(u.sha256()).hasSize(64);
        });
        CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(runDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("trùng khớp");
    }

    @Test
    void aResultTheCouncilReturnsIsNotTakenAndTheUnitIsToldWhatToCorrect() throws Exception {
        Path input = dir.resolve("input-returned");
        FileSystemUtils.copyRecursively(dir.resolve("input"), input);
        Files.writeString(input.resolve("2026/decisions.yaml"), """
                format: union-review/decisions/v1
                meeting: {number: "07/BB-HĐTĐKT", date: 2026-12-18}
                returns:
                  - unit: P-TS
                    reason: "Biên bản họp xét của Công đoàn Trường Tiểu học Thành Sen chưa có chữ ký của Chủ tịch; \\
                      đề nghị bổ sung trước khi ban hành lại."
                  - {unit: X-CX, reason: "Chưa có biên bản họp xét."}
                  - {unit: X-ZZ, reason: "Mã gõ nhầm."}
                """);
        CliRun returned = run("input-returned", "returned", "--lang", "vi,en");
        assertThat(returned.exitCode()).as(returned.err()).isZero();
        assertThat(returned.out())
                .contains("nhận 0, từ chối 1, chưa gửi 1, được thay thế 0, Hội đồng trả lại 1 (units.csv)")
                .contains("lấy kết quả của 0 công đoàn cơ sở")
                .contains("returns/ (1 công văn trả lại kết quả)");
        Path returnedDir = Path.of(returned.lastLine());
        CSVRecord ward = ResultsCsv.byCode(returnedDir.resolve("units.csv")).get("P-TS");
        assertThat(ward.get("state")).isEqualTo("returned");
        assertThat(ward.get("reason_code")).isEqualTo("units.returned");
        assertThat(ward.get("reason"))
                .startsWith("Hội đồng trả lại kết quả (biên bản 07/BB-HĐTĐKT ngày 18/12/2026): Biên bản họp xét");
        // its branch is not in the province's year, and nothing of it is counted as the province's
        assertThat(ResultsCsv.byCode(returnedDir.resolve("results.csv"))).doesNotContainKey("P-01");
        assertThat(Manifest.read(RunFile.MANIFEST.in(returnedDir)).units()).isEmpty();
        assertThat(Files.readString(returnedDir.resolve("summary.txt")))
                .contains("nhận 0, Hội đồng trả lại 1, từ chối 1, chưa gửi 1", "do đơn vị cấp dưới xếp loại: 0.");
        // the returns that fit no taken result say why, where the council wrote them
        String notes = Files.readString(returnedDir.resolve("corrections.csv"));
        assertThat(notes)
                .contains("decisions.yaml", "returns[1].unit", "units.return_not_accepted", "chưa gửi gói")
                .contains("returns[2].unit", "units.return_no_unit");
        // the letter to the unit, in its words
        String letter;
        try (var pdf = Loader.loadPDF(returnedDir.resolve("returns/P-TS.pdf").toFile())) {
            letter = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(letter)
                .contains("V/v thẩm định kết quả xếp loại công đoàn cơ sở năm 2026")
                .contains("Kính gửi: Công đoàn phường Thành Sen")
                .contains("Quyết định số 01/QĐ ngày 10/12/2026")
                .contains("biên bản số 07/BB-HĐTĐKT")
                .contains("chưa có chữ ký của Chủ tịch; đề nghị bổ sung trước khi ban hành lại.")
                .contains("trước ngày 30/12/2026");
        assertThat(Files.exists(returnedDir.resolve("returns/X-CX.pdf"))).isFalse();
        // the report says which unit was returned and why
        String report;
        try (var pdf = Loader.loadPDF(returnedDir.resolve("report.pdf").toFile())) {
            report = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(report).contains("Công đoàn phường Thành Sen (trả lại để đơn vị sửa:");
        // and the English report in English, but for the council's own words
        String english;
        try (var pdf = Loader.loadPDF(returnedDir.resolve("report-en.pdf").toFile())) {
            english = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(english)
                .contains("Công đoàn phường Thành Sen (returned to the unit for correction: returned by the council"
                        + " (minutes 07/BB-HĐTĐKT of 18/12/2026): Biên bản họp xét")
                .contains("is not signed")
                .doesNotContain("chưa được ký số");
        CliRun verify = CliRun.of("verify", RunFile.MANIFEST.in(returnedDir).toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }
}
