package vn.unionreview.units;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import vn.unionreview.Digests;
import vn.unionreview.Fixtures;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.audit.ResultBundle;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.sign.ThrowawayCa;
import vn.unionreview.text.Text;

/** Result bundles as a unit's {@code publish} writes them, made quickly for tests: one branch, a decision's bytes. */
public final class UnitBundles {

    public static final char[] PASSWORD = "mat-khau-don-vi".toCharArray();
    static final String HEADER =
            "code,name,bloc,base,bonus,penalty,total,tier_before_caps,tier,rank_bloc,rank_all,award,"
                    + "award_tie,inflation,caps,tier_title,demoted_by_quota,decision,kind\n";
    /** One branch of the 2026 sample's rules, as a unit's results.csv lists it. */
    static final String RESULTS = HEADER
            + "P-01,Công đoàn Trường Tiểu học Thành Sen,Khối phường,88,2,0,90,XS,XS,1,1,CO,false,0,,"
            + "Hoàn thành xuất sắc nhiệm vụ,false,,don-vi-su-nghiep\n";

    private UnitBundles() {}

    /**
     * The sample year 2026 as a province's under {@code dir}/input, with three units beneath it: the ward's bundle
     * signed with its key, the commune's unsigned, and a third unit that sent nothing.
     *
     * @return the input folder
     */
    public static Path provinceYear(Path dir) throws Exception {
        Path year = Fixtures.copySampleYear(2026, dir.resolve("input/2026"));
        ThrowawayCa ca = new ThrowawayCa("CA thử nghiệm");
        Path wardKey = ca.issuePkcs12("Công đoàn phường Thành Sen", dir.resolve("ward.p12"), PASSWORD);
        Path units = Files.createDirectories(year.resolve("units"));
        ca.writePem(units.resolve("ca.pem"));
        Path signed = bundle(
                dir.resolve("made"),
                "Công đoàn phường Thành Sen",
                wardKey,
                "final",
                "aaaaaaaaaaa1",
                "2026-12-10",
                "01/QĐ");
        Path unsigned = bundle(
                dir.resolve("made"), "Công đoàn xã Thạch Hà", null, "final", "bbbbbbbbbbb1", "2026-12-12", "02/QĐ");
        Files.copy(signed, units.resolve(signed.getFileName()));
        Files.copy(unsigned, units.resolve(unsigned.getFileName()));
        Files.writeString(
                year.resolve("units.csv"),
                "code,name,certificate\n"
                        + "P-TS,Công đoàn phường Thành Sen,units/ca.pem\n"
                        + "X-TH,Công đoàn xã Thạch Hà,units/ca.pem\n"
                        + "X-CX,Công đoàn xã Cẩm Xuyên,units/khong-co.pem\n");
        return dir.resolve("input");
    }

    /**
     * A published run folder under {@code dir} and its bundle, signed with {@code key} (null: unsigned).
     *
     * @param kind the run's kind: final or validation
     */
    public static Path bundle(Path dir, String body, Path key, String kind, String run, String date, String number)
            throws Exception {
        return bundle(dir, body, key, kind, run, date, number, RESULTS);
    }

    /** A bundle as {@link #bundle(Path, String, Path, String, String, String, String)} makes it, of these results. */
    public static Path bundle(
            Path dir, String body, Path key, String kind, String run, String date, String number, String results)
            throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(run).resolve("2026").resolve(run));
        Files.writeString(runDir.resolve("results.csv"), results);
        Files.writeString(runDir.resolve("summary.txt"), "Danh sách: 1 công đoàn cơ sở.\n");
        Files.write(runDir.resolve("decision.pdf"), ("%PDF-1.7 " + number).getBytes(StandardCharsets.UTF_8));
        Manifest manifest = Manifest.builder()
                .software("union-review 0.1.0")
                .run(2026, run, 1, 1, 1)
                .kind(kind)
                .reportDate(date)
                .languages(List.of("vi"))
                .duplicates("reject-all")
                .rules(new Manifest.Archived("2026", "rules", 1, "aa", "archive/sha256/aa/aa"))
                .inputs(List.of())
                .outputs(List.of(new Manifest.Output(
                        "results.csv",
                        results.getBytes(StandardCharsets.UTF_8).length,
                        Digests.sha256(results.getBytes(StandardCharsets.UTF_8)))))
                .tiers(Map.of())
                .resultDigest("d1")
                .decisions(List.of())
                .build();
        Path manifestFile = runDir.resolve("manifest.json");
        manifest.write(manifestFile);
        if (key != null) {
            ManifestSignature.sign(manifestFile, SigningKey.pkcs12(key, PASSWORD));
        }
        Publications.Publication publication = new Publications.Publication(
                run, number, date, Digests.sha256(runDir.resolve("decision.pdf")), "", null, null, null, List.of());
        return ResultBundle.write(runDir, publication, new Text(body, body));
    }

    /**
     * Bundles a province's run must refuse, put beside the year's from {@link #provinceYear}: one not a zip, a zip
     * bomb, the ward's validation run, a copy of the ward's bundle with its results changed, and the commune's signed
     * with the ward's key.
     */
    public static void hostileBundles(Path dir) throws Exception {
        Path units = dir.resolve("input/2026/units");
        Path wardKey = dir.resolve("ward.p12");
        Files.writeString(units.resolve("hong.zip"), "Kính gửi Liên đoàn Lao động tỉnh");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(units.resolve("bom.zip")))) {
            zip.putNextEntry(new ZipEntry("bundle.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Path made = dir.resolve("hostile");
        Path validation = bundle(
                made, "Công đoàn phường Thành Sen", wardKey, "validation", "aaaaaaaaaaa7", "2026-12-11", "07/QĐ");
        Files.copy(validation, units.resolve(validation.getFileName()));
        Path ward = bundle(made, "Công đoàn phường Thành Sen", wardKey, "final", "aaaaaaaaaaa8", "2026-12-09", "08/QĐ");
        rewrite(
                ward,
                units.resolve("thanh-sen-da-sua.zip"),
                Map.of("results.csv", RESULTS.replace(",90,XS", ",95,XS")));
        Path commune = bundle(made, "Công đoàn xã Thạch Hà", wardKey, "final", "bbbbbbbbbbb9", "2026-12-13", "09/QĐ");
        Files.copy(commune, units.resolve("thach-ha-khoa-khac.zip"));
        // another year's, as its index says
        String index = text(ward, ResultBundle.INDEX);
        rewrite(
                ward,
                units.resolve("thanh-sen-nam-2025.zip"),
                Map.of(ResultBundle.INDEX, index.replaceFirst("\"year\" ?: ?2026", "\"year\" : 2025")));
        // a manifest of a format newer than this version reads, its index naming it
        String manifest = text(ward, "manifest.json");
        String newer = manifest.replace(Manifest.FORMAT, "union-review/manifest/v2");
        rewrite(
                ward,
                units.resolve("thanh-sen-ban-moi.zip"),
                Map.of(
                        "manifest.json",
                        newer,
                        ResultBundle.INDEX,
                        index.replace(
                                Digests.sha256(manifest.getBytes(StandardCharsets.UTF_8)),
                                Digests.sha256(newer.getBytes(StandardCharsets.UTF_8)))));
        // signed with a certificate that had expired
        Path expiredKey = new ThrowawayCa("CA cũ")
                .issuePkcs12(
                        "Công đoàn phường Thành Sen",
                        dir.resolve("expired.p12"),
                        PASSWORD,
                        Instant.now().minus(Duration.ofDays(400)),
                        Instant.now().minus(Duration.ofDays(35)));
        Path expired =
                bundle(made, "Công đoàn phường Thành Sen", expiredKey, "final", "aaaaaaaaaa10", "2026-12-12", "10/QĐ");
        Files.copy(expired, units.resolve("thanh-sen-chung-thu-het-han.zip"));
    }

    /** One entry of a zip as UTF-8 text. */
    private static String text(Path zip, String entry) throws IOException {
        return new String(entries(zip).get(entry).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** A zip's entries, each as text read byte for byte (ISO 8859-1), in order. */
    public static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                entries.put(
                        entry.getName(),
                        new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return entries;
    }

    /** The bundle with some entries' content replaced, as someone changing it after publication would. */
    public static Path rewrite(Path bundle, Path target, Map<String, String> replaced) throws IOException {
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries(bundle).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                String content = replaced.get(e.getKey());
                zip.write(
                        content != null
                                ? content.getBytes(StandardCharsets.UTF_8)
                                : e.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return target;
    }
}
