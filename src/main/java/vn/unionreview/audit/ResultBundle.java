package vn.unionreview.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.unionreview.Digests;
import vn.unionreview.files.AtomicFiles;
import vn.unionreview.files.ZipNormalizer;
import vn.unionreview.run.RunFile;
import vn.unionreview.text.Text;

/**
 * A unit's published year as one file, for the union above it: the run's manifest (and its signature), its results and
 * lists of branches, its summary and the signed decision, with {@code bundle.json} naming each file with its SHA-256
 * and saying which publication it is. Named by issuing body, year and run
 * ({@code lien-doan-lao-dong-tinh-ha-tinh-2026-95f7295ebe52.zip}) and written to the year's {@code bundles/} folder,
 * beside the frozen run folder. The same publication gives the same bytes: entries in a fixed order, each stamped with
 * one fixed time.
 */
public final class ResultBundle {

    public static final String FORMAT = "union-review/bundle/v1";
    public static final String INDEX = "bundle.json";
    public static final String FOLDER = "bundles";

    /** The files a bundle carries, in this order, when the run has them. */
    private static final List<RunFile> CARRIED = List.of(
            RunFile.MANIFEST,
            RunFile.MANIFEST_SIGNATURE,
            RunFile.RESULTS,
            RunFile.NOT_SUBMITTED,
            RunFile.NOT_RATED,
            RunFile.DISSOLVED,
            RunFile.SUMMARY,
            RunFile.DECISION_PDF);

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * What {@code bundle.json} says.
     *
     * @param issuingBody the body that published, as its documents name it
     * @param files each other file of the bundle with its SHA-256, in the bundle's order
     */
    public record Index(
            String format,
            Text issuingBody,
            int year,
            String run,
            String resultDigest,
            Publications.Publication publication,
            List<Entry> files) {}

    /** A file of the bundle and its SHA-256. */
    public record Entry(String name, String sha256) {}

    private ResultBundle() {}

    /**
     * Writes the bundle of a published run into {@code <year>/bundles/}, replacing one written before.
     *
     * @param issuingBody the body whose decision it is, as the decision names it
     * @return the bundle's path
     */
    public static Path write(Path runDir, Publications.Publication publication, Text issuingBody) throws IOException {
        Manifest manifest = Manifest.read(RunFile.MANIFEST.in(runDir));
        List<Entry> files = new ArrayList<>();
        for (RunFile file : CARRIED) {
            Path path = file.in(runDir);
            if (Files.isRegularFile(path)) {
                files.add(new Entry(file.fileName(), Digests.sha256(path)));
            }
        }
        Index index = new Index(
                FORMAT, issuingBody, manifest.year(), manifest.run(), manifest.resultDigest(), publication, files);
        byte[] indexBytes = JSON.writeValueAsBytes(index);
        Path target = runDir.getParent().resolve(FOLDER).resolve(name(issuingBody, manifest.year(), manifest.run()));
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            put(zip, INDEX, indexBytes);
            for (Entry entry : files) {
                put(zip, entry.name(), Files.readAllBytes(runDir.resolve(entry.name())));
            }
            zip.finish();
        });
        return target;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ZipNormalizer.FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** {@code <issuing body, in ASCII words>-<year>-<run>.zip}: a name any file system and mail server takes. */
    static String name(Text issuingBody, int year, String run) {
        String ascii = Normalizer.normalize(issuingBody.vi().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return (ascii.isEmpty() ? "unit" : ascii) + "-" + year + "-" + run + ".zip";
    }
}
