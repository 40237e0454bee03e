package vn.unionreview.units;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import vn.unionreview.Digests;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Publications;
import vn.unionreview.audit.ResultBundle;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.text.Text;

/** Result bundles as a unit's {@code publish} writes them, made quickly for tests: one branch, a decision's bytes. */
final class UnitBundles {

    static final char[] PASSWORD = "mat-khau-don-vi".toCharArray();
    static final String RESULTS = "code,name,bloc,total,tier\nP-01,Công đoàn A,Khối phường,90,XS\n";

    private UnitBundles() {}

    /**
     * A published run folder under {@code dir} and its bundle, signed with {@code key} (null: unsigned).
     *
     * @param kind the run's kind: final or validation
     */
    static Path bundle(Path dir, String body, Path key, String kind, String run, String date, String number)
            throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(run).resolve("2026").resolve(run));
        Files.writeString(runDir.resolve("results.csv"), RESULTS);
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
                        "results.csv", RESULTS.length(), Digests.sha256(RESULTS.getBytes(StandardCharsets.UTF_8)))))
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
}
