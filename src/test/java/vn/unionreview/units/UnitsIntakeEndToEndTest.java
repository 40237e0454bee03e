package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        return CliRun.withConsole(
                "run",
                "--year",
                "2026",
                "--input",
                dir.resolve("input").toString(),
                "--output",
                dir.resolve(output).toString(),
                "--report-date",
                "2026-12-20");
    }

    @Test
    void eachUnitIsListedWithWhatBecameOfItsBundle() throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.out()).contains("đơn vị cấp dưới: nhận 1, từ chối 1, chưa gửi 1, được thay thế 0 (units.csv)");
        Map<String, CSVRecord> units = ResultsCsv.byCode(runDir.resolve("units.csv"));
        assertThat(units.get("P-TS").get("state")).isEqualTo("accepted");
        assertThat(units.get("P-TS").get("signer")).isEqualTo("Công đoàn phường Thành Sen");
        assertThat(units.get("P-TS").get("decision")).isEqualTo("01/QĐ");
        assertThat(units.get("X-TH").get("state")).isEqualTo("refused");
        assertThat(units.get("X-TH").get("reason_code")).isEqualTo("units.unsigned");
        assertThat(units.get("X-TH").get("reason")).contains("chưa được ký số");
        assertThat(units.get("X-CX").get("state")).isEqualTo("missing");
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
}
