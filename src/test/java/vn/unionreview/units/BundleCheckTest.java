package vn.unionreview.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.Digests;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.ResultBundle;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.sign.ThrowawayCa;
import vn.unionreview.text.Message;

/**
 * A province checking a unit's result bundle offline: each way a bundle can be wrong is refused with its reason in
 * words, and a good one, signed with the unit's key, is accepted with who signed it.
 */
class BundleCheckTest {

    private static final char[] PASSWORD = UnitBundles.PASSWORD;
    private static final String RESULTS = UnitBundles.RESULTS;

    @TempDir
    static Path keys;

    @TempDir
    Path dir;

    static ThrowawayCa ca;
    static Path wardKey;
    static Path otherKey;
    static Unit ward;

    @BeforeAll
    static void aCaAndTwoUnitsKeys() throws Exception {
        ca = new ThrowawayCa("CA thử nghiệm");
        wardKey = ca.issuePkcs12("Công đoàn phường Thành Sen", keys.resolve("ward.p12"), PASSWORD);
        otherKey = ca.issuePkcs12("Công đoàn xã Thạch Hà", keys.resolve("other.p12"), PASSWORD);
        ward = new Unit("P-TS", "Công đoàn phường Thành Sen", certificate(wardKey));
    }

    private static X509Certificate certificate(Path p12) {
        return SigningKey.pkcs12(p12, PASSWORD).certificate();
    }

    private Path bundle(Path key, String kind) throws Exception {
        return UnitBundles.bundle(
                dir, "Công đoàn phường Thành Sen", key, kind, "abcdef123456", "2026-12-22", "05/QĐ-CĐP");
    }

    private Path signedBundle() throws Exception {
        return bundle(wardKey, "final");
    }

    private BundleCheck.Checked check(Path bundle) throws IOException {
        return new BundleCheck(2026, 10_000_000, 100, false)
                .check(bundle, ward, Files.createTempDirectory(dir, "work"));
    }

    private static String reason(BundleCheck.Checked checked) {
        assertThat(checked.state()).isEqualTo(BundleCheck.State.REFUSED);
        return checked.reason().english();
    }

    @Test
    void aBundleSignedWithTheUnitsKeyIsAcceptedWithItsSigner() throws Exception {
        Path bundle = signedBundle();
        assertThat(bundle.getFileName().toString()).isEqualTo("cong-doan-phuong-thanh-sen-2026-abcdef123456.zip");
        BundleCheck.Checked checked = check(bundle);
        assertThat(checked.accepted()).as(String.valueOf(checked.reason())).isTrue();
        assertThat(checked.signer()).isEqualTo("Công đoàn phường Thành Sen");
        assertThat(checked.signedAt()).isNotEmpty();
        assertThat(checked.sha256()).isEqualTo(Digests.sha256(bundle));
        assertThat(checked.index().publication().number()).isEqualTo("05/QĐ-CĐP");
    }

    @Test
    void anUnsignedBundleIsRefusedUnlessTheProvinceAllowsIt() throws Exception {
        Path bundle = bundle(null, "final");
        assertThat(reason(check(bundle))).contains("is not signed");
        assertThat(new BundleCheck(2026, 10_000_000, 100, true)
                        .check(bundle, ward, Files.createTempDirectory(dir, "work"))
                        .accepted())
                .isTrue();
    }

    @Test
    void withTheCasCertificateInTheListTheSignerMustBeTheUnitItself() throws Exception {
        // units.csv names the CA that issued every unit's key: a unit's key chains to it, and so does its neighbour's
        Unit commune = new Unit("X-TH", "Công đoàn xã Thạch Hà", ca.certificate());
        Path own = UnitBundles.bundle(
                dir, "Công đoàn xã Thạch Hà", otherKey, "final", "bbbbbbbbbbb1", "2026-12-22", "02/QĐ");
        BundleCheck check = new BundleCheck(2026, 10_000_000, 100, false);
        assertThat(check.check(own, commune, Files.createTempDirectory(dir, "w"))
                        .accepted())
                .isTrue();
        Path neighbours = UnitBundles.bundle(
                dir, "Công đoàn xã Thạch Hà", wardKey, "final", "bbbbbbbbbbb2", "2026-12-22", "03/QĐ");
        assertThat(reason(check.check(neighbours, commune, Files.createTempDirectory(dir, "w"))))
                .contains("is signed by Công đoàn phường Thành Sen, not by Công đoàn xã Thạch Hà");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path bundle = Files.writeString(dir.resolve("ket-qua.zip"), "Kính gửi Liên đoàn Lao động tỉnh");
        assertThat(reason(check(bundle)))
                .isEqualTo("ket-qua.zip is not a zip file: a unit's bundle is the zip its" + " publish wrote");
    }

    @Test
    void aZipBombIsRefusedBeforeItFillsTheDisk() throws Exception {
        Path bundle = dir.resolve("bom.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.putNextEntry(new ZipEntry("bundle.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bundle)).isLessThan(1 << 20);
        // far more than a bundle's CSVs and PDFs ever expand to, for its size
        assertThat(reason(check(bundle)))
                .matches(".* expands past [0-9],[0-9]{3},[0-9]{3} bytes: refused as a zip bomb");
        // and never past the most any input may expand to
        assertThat(reason(new BundleCheck(2026, 10_000_000, 100_000, false)
                        .check(bundle, ward, Files.createTempDirectory(dir, "w"))))
                .contains("expands past 10,000,000 bytes: refused as a zip bomb");
    }

    @Test
    void aBundleOfAnotherYearIsRefused() throws Exception {
        BundleCheck.Checked checked = new BundleCheck(2027, 10_000_000, 100, false)
                .check(signedBundle(), ward, Files.createTempDirectory(dir, "w"));
        assertThat(reason(checked)).contains("is the bundle of 2026, not of 2027");
    }

    @Test
    void aResultsFileChangedAfterPublicationIsRefusedEvenWithItsIndexChangedToo() throws Exception {
        Path bundle = signedBundle();
        String forged = RESULTS.replace(",90,XS", ",95,XS");
        Path tampered = rewrite(bundle, "tampered.zip", Map.of("results.csv", forged));
        assertThat(reason(check(tampered))).contains("results.csv is not the file the unit published");
        // and with bundle.json updated to name the forged file: the signed manifest still records the original
        String index = UnitBundles.entries(bundle)
                .get("bundle.json")
                .replace(
                        Digests.sha256(RESULTS.getBytes(StandardCharsets.UTF_8)),
                        Digests.sha256(forged.getBytes(StandardCharsets.UTF_8)));
        Path covered = rewrite(bundle, "covered.zip", Map.of("results.csv", forged, "bundle.json", index));
        assertThat(reason(check(covered))).contains("results.csv is not the file the unit published");
    }

    @Test
    void aBundleSignedByAnotherUnitsKeyIsRefused() throws Exception {
        Path bundle = bundle(otherKey, "final");
        assertThat(reason(check(bundle)))
                .contains("is signed by Công đoàn xã Thạch Hà, whose certificate does not chain to Công đoàn phường"
                        + " Thành Sen's");
    }

    @Test
    void aSignatureMadeWithAnExpiredOrNotYetValidCertificateIsRefused() throws Exception {
        Path expired = ca.issuePkcs12(
                "Công đoàn phường Thành Sen",
                dir.resolve("expired.p12"),
                PASSWORD,
                Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
        Unit unit = new Unit("P-TS", "Công đoàn phường Thành Sen", certificate(expired));
        Path bundle = bundle(expired, "final");
        BundleCheck.Checked checked =
                new BundleCheck(2026, 10_000_000, 100, false).check(bundle, unit, Files.createTempDirectory(dir, "w"));
        assertThat(reason(checked)).contains("the signer's certificate had expired when it signed");
        Path early = ca.issuePkcs12(
                "Công đoàn phường Thành Sen",
                dir.resolve("early.p12"),
                PASSWORD,
                Instant.now().plus(Duration.ofDays(10)),
                Instant.now().plus(Duration.ofDays(400)));
        Unit later = new Unit("P-TS", "Công đoàn phường Thành Sen", certificate(early));
        Path notYet = bundle(early, "final");
        assertThat(reason(new BundleCheck(2026, 10_000_000, 100, false)
                        .check(notYet, later, Files.createTempDirectory(dir, "w"))))
                .contains("the signer's certificate was not yet valid when it signed");
    }

    @Test
    void aBundleOfAValidationRunIsRefused() throws Exception {
        assertThat(reason(check(bundle(wardKey, "validation"))))
                .contains("publishes run abcdef123456, a validation run: only a unit's final run counts");
    }

    @Test
    void aManifestOrABundleOfANewerFormatIsRefusedAskingForAnUpdate() throws Exception {
        Path bundle = signedBundle();
        String manifest = UnitBundles.entries(bundle).get("manifest.json");
        String newer = manifest.replace(Manifest.FORMAT, "union-review/manifest/v2");
        String indexed = UnitBundles.entries(bundle)
                .get("bundle.json")
                .replace(
                        Digests.sha256(manifest.getBytes(StandardCharsets.ISO_8859_1)),
                        Digests.sha256(newer.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(reason(check(rewrite(bundle, "v2.zip", Map.of("manifest.json", newer, "bundle.json", indexed)))))
                .contains("its manifest is of format union-review/manifest/v2; this version reads"
                        + " union-review/manifest/v1: update union-review");
        String index =
                UnitBundles.entries(bundle).get("bundle.json").replace(ResultBundle.FORMAT, "union-review/bundle/v2");
        assertThat(reason(check(rewrite(bundle, "newer.zip", Map.of("bundle.json", index)))))
                .contains("is a bundle of format union-review/bundle/v2; this version reads union-review/bundle/v1");
    }

    @Test
    void everyReasonIsAMessageInBothLanguages() throws Exception {
        BundleCheck.Checked checked = check(bundle(wardKey, "validation"));
        Message reason = checked.reason();
        assertThat(reason.code()).isEqualTo("units.validation_run");
        assertThat(vn.unionreview.text.Catalogue.of("vi").render(reason))
                .contains("chỉ lần chạy chính thức của đơn vị mới được tổng hợp");
    }

    private Path rewrite(Path bundle, String name, Map<String, String> replaced) throws IOException {
        return UnitBundles.rewrite(bundle, dir.resolve(name), replaced);
    }
}
