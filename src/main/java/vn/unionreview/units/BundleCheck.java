package vn.unionreview.units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.text.Normalizer;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import vn.unionreview.Digests;
import vn.unionreview.VietnameseText;
import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.ResultBundle;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.run.RunFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.sign.DecisionSigning;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.text.Message;

/**
 * Checks one unit's result bundle offline, as the province receives it: a zip of bounded size; a {@code bundle.json} of
 * a format this version reads; every file it names present and as it names it; the manifest of a final run of the year,
 * of a format this version reads, whose recorded results are the bundle's; and the manifest signed by a key whose
 * certificate chains to the unit's, valid when it signed. Unsigned bundles are refused unless the province allows them.
 * The first thing wrong is the reason, in words; nothing here throws for what a bundle holds.
 */
public final class BundleCheck {

    /** What became of a bundle. */
    public enum State {
        ACCEPTED,
        REFUSED
    }

    /**
     * A bundle checked.
     *
     * @param reason why it was refused, or null when accepted
     * @param sha256 the bundle file's SHA-256
     * @param signer the signer's name, "" when unsigned or unreadable
     * @param signedAt when it was signed (ISO 8601), "" when unsigned
     * @param index its bundle.json, or null when unreadable
     */
    public record Checked(
            State state, Message reason, String sha256, String signer, String signedAt, ResultBundle.Index index) {

        public boolean accepted() {
            return state == State.ACCEPTED;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final long MIN_EXPANSION = 1 << 20;
    private static final long MAX_INDEX = 1 << 20;

    private final int year;
    private final long maxBytes;
    private final int zipRatio;
    private final boolean unsignedAccepted;

    /**
     * @param maxBytes the most a bundle may expand to, all its files together: past it, a zip bomb
     * @param zipRatio how many times its own size a bundle may expand to: a zip bomb expands far more than the CSVs,
     *     PDFs and JSON of a bundle do
     * @param unsignedAccepted whether a bundle without a signature is taken (configuration; off by default)
     */
    public BundleCheck(int year, long maxBytes, int zipRatio, boolean unsignedAccepted) {
        this.year = year;
        this.maxBytes = maxBytes;
        this.zipRatio = zipRatio;
        this.unsignedAccepted = unsignedAccepted;
    }

    /** As a run checks bundles: within the limits it reads every input with. */
    public BundleCheck(int year, InputLimits limits, boolean unsignedAccepted) {
        this(year, limits.zipPartBytes(), limits.zipRatio(), unsignedAccepted);
    }

    /**
     * A bundle unpacked and its index read, before it is checked as a unit's.
     *
     * @param files its files, unpacked; null when it could not be
     * @param index its bundle.json, or null when there is none that can be read
     * @param refusal why it could not be unpacked or its index read, or null
     */
    public record Opened(
            String file, String sha256, Map<String, Path> files, ResultBundle.Index index, Message refusal) {}

    /**
     * Unpacks {@code bundle} into {@code work}, an empty folder, and reads its index: once, whoever it is checked as.
     */
    public Opened open(Path bundle, Path work) {
        String file = bundle.getFileName().toString();
        String sha256 = Digests.sha256(bundle);
        Map<String, Path> files;
        try {
            files = unpack(bundle, work);
            return new Opened(file, sha256, files, index(file, files), null);
        } catch (Refusal refusal) {
            return new Opened(file, sha256, null, null, refusal.reason);
        } catch (ZipException e) {
            return new Opened(file, sha256, null, null, Message.of("units.not_a_zip", "file", file));
        } catch (IOException e) {
            return new Opened(
                    file,
                    sha256,
                    null,
                    null,
                    Message.of("units.unreadable", "file", file, "detail", String.valueOf(e.getMessage())));
        }
    }

    /** Checks {@code bundle} as the unit's; {@code work} is an empty folder to unpack it into. */
    public Checked check(Path bundle, Unit unit, Path work) {
        return check(open(bundle, work), unit);
    }

    /** Checks a bundle opened as the unit's. */
    public Checked check(Opened opened, Unit unit) {
        if (opened.refusal() != null) {
            return refused(opened.refusal(), opened.sha256(), null);
        }
        Message wrong = contentProblem(opened.file(), opened.index(), opened.files());
        if (wrong != null) {
            return refused(wrong, opened.sha256(), opened.index());
        }
        return signature(
                opened.file(), unit, opened.files().get(RunFile.MANIFEST.fileName()), opened.sha256(), opened.index());
    }

    /** A bundle's content is refused for the first thing wrong: it stops reading at once. */
    private static final class Refusal extends Exception {
        private final transient Message reason;

        Refusal(Message reason) {
            super(reason.code(), null, false, false);
            this.reason = reason;
        }
    }

    private Map<String, Path> unpack(Path bundle, Path work) throws IOException, Refusal {
        String file = bundle.getFileName().toString();
        Map<String, Path> files = new HashMap<>();
        long total = 0;
        // a small bundle may still expand to a mebibyte: its JSON and CSV compress well
        long max = Math.min(maxBytes, Math.max(MIN_EXPANSION, zipRatio * Files.size(bundle)));
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new Refusal(Message.of("units.strange_entry", "file", file, "entry", name));
                }
                Path target = work.resolve(name);
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[8192];
                    try (var out = Files.newOutputStream(target)) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            total += n;
                            if (total > max) {
                                throw new Refusal(Message.of("units.too_big", "file", file, "max", max));
                            }
                            out.write(buffer, 0, n);
                        }
                    }
                }
                files.put(name, target);
            }
        }
        return files;
    }

    private static ResultBundle.Index index(String file, Map<String, Path> files) throws Refusal {
        Path index = files.get(ResultBundle.INDEX);
        if (index == null) {
            throw new Refusal(Message.of("units.no_index", "file", file));
        }
        try {
            // an index is a few kilobytes; one of megabytes is not a bundle's
            if (Files.size(index) > MAX_INDEX) {
                throw new Refusal(Message.of("units.no_index", "file", file));
            }
            var tree = JSON.readTree(Files.readAllBytes(index));
            String format = tree.path("format").asString("");
            if (!ResultBundle.FORMAT.equals(format)) {
                throw new Refusal(Message.of(
                        "units.bundle_format", "file", file, "found", format, "expected", ResultBundle.FORMAT));
            }
            return JSON.treeToValue(tree, ResultBundle.Index.class);
        } catch (JacksonException | IOException e) {
            throw new Refusal(Message.of("units.no_index", "file", file));
        }
    }

    /** What is wrong with the files, the manifest or the run, or null. */
    private Message contentProblem(String file, ResultBundle.Index index, Map<String, Path> files) {
        if (index.year() != year) {
            return otherYear(file, index.year());
        }
        for (ResultBundle.Entry entry : index.files()) {
            Path path = files.get(entry.name());
            if (path == null) {
                return Message.of("units.file_missing", "file", file, "entry", entry.name());
            }
            if (!Digests.sha256(path).equals(entry.sha256())) {
                return Message.of("units.file_altered", "file", file, "entry", entry.name());
            }
        }
        Path manifestFile = files.get(RunFile.MANIFEST.fileName());
        Path results = files.get(RunFile.RESULTS.fileName());
        if (manifestFile == null || results == null || index.publication() == null) {
            return Message.of("units.incomplete", "file", file);
        }
        Manifest manifest;
        try {
            // a newer manifest is told as such: Manifest.read refuses any format but its own
            String format = JSON.readTree(Files.readAllBytes(manifestFile))
                    .path("format")
                    .asString("");
            if (!Manifest.FORMAT.equals(format)) {
                return Message.of("units.manifest_format", "file", file, "found", format, "expected", Manifest.FORMAT);
            }
            manifest = Manifest.read(manifestFile);
        } catch (JacksonException | IOException e) {
            return Message.of("units.manifest_unreadable", "file", file);
        }
        if (manifest.year() != year) {
            return otherYear(file, manifest.year());
        }
        // the results the signed manifest records are the bundle's: a results.csv changed with its bundle.json is
        // caught
        String recorded = manifest.outputs().stream()
                .filter(o -> o.name().equals(RunFile.RESULTS.fileName()))
                .map(Manifest.Output::sha256)
                .findFirst()
                .orElse("");
        if (!recorded.equals(Digests.sha256(results))) {
            return Message.of("units.file_altered", "file", file, "entry", RunFile.RESULTS.fileName());
        }
        if (RunKind.of(manifest.kind()) != RunKind.FINAL) {
            return Message.of("units.validation_run", "file", file, "run", manifest.run());
        }
        return null;
    }

    private Message otherYear(String file, int found) {
        return Message.of(
                "units.other_year", "file", file, "found", String.valueOf(found), "year", String.valueOf(year));
    }

    private Checked signature(String file, Unit unit, Path manifest, String sha256, ResultBundle.Index index) {
        if (!Files.isRegularFile(ManifestSignature.of(manifest))) {
            return unsignedAccepted
                    ? new Checked(State.ACCEPTED, null, sha256, "", "", index)
                    : refused(Message.of("units.unsigned", "file", file), sha256, index);
        }
        if (unit.certificate() == null) {
            return refused(Message.of("units.no_certificate", "file", file, "unit", unit.code()), sha256, index);
        }
        ManifestSignature.Check check;
        try {
            check = ManifestSignature.check(manifest, unit.certificate());
        } catch (IOException e) {
            return refused(
                    Message.of("units.unreadable", "file", file, "detail", String.valueOf(e.getMessage())),
                    sha256,
                    index);
        }
        // a certificate not valid when it signed is said as such, before what follows from it
        if (check.certificate() != null) {
            Message validity = validity(file, check);
            if (validity != null) {
                return refused(validity, sha256, index);
            }
        }
        if (!check.intact() || check.certificate() == null) {
            return refused(
                    Message.of(
                            "units.signature_bad",
                            "file",
                            file,
                            "why",
                            check.problems().get(0)),
                    sha256,
                    index);
        }
        if (!check.trusted()) {
            return refused(
                    Message.of(
                            "units.other_key",
                            "file",
                            file,
                            "signer",
                            check.signer(),
                            "unit",
                            unit.name(),
                            "trusted",
                            SigningKey.commonName(unit.certificate())),
                    sha256,
                    index);
        }
        // a CA's certificate in units.csv trusts every key it issued, other units' too: the signer must be the unit
        if (unit.certificate().getBasicConstraints() >= 0 && !sameName(check.signer(), unit.name())) {
            return refused(
                    Message.of("units.signer_not_unit", "file", file, "signer", check.signer(), "unit", unit.name()),
                    sha256,
                    index);
        }
        return new Checked(State.ACCEPTED, null, sha256, check.signer(), check.signedAt(), index);
    }

    /** Names equal as a person reads them: composed, in any case, however spaced. */
    private static boolean sameName(String a, String b) {
        return folded(a).equals(folded(b));
    }

    private static String folded(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(VietnameseText.VIETNAMESE);
    }

    /** Whether the signer's certificate was valid when it signed (then, whatever later, the signature stands). */
    private static Message validity(String file, ManifestSignature.Check check) {
        if (check.signedAtInstant() == null) {
            return null;
        }
        try {
            check.certificate().checkValidity(Date.from(check.signedAtInstant()));
            return null;
        } catch (CertificateExpiredException e) {
            return Message.of(
                    "units.certificate_expired",
                    "file",
                    file,
                    "signed",
                    check.signedAt(),
                    "until",
                    DecisionSigning.vietnamTime(
                            check.certificate().getNotAfter().toInstant()));
        } catch (CertificateNotYetValidException e) {
            return Message.of(
                    "units.certificate_not_yet_valid",
                    "file",
                    file,
                    "signed",
                    check.signedAt(),
                    "from",
                    DecisionSigning.vietnamTime(
                            check.certificate().getNotBefore().toInstant()));
        }
    }

    private static Checked refused(Message reason, String sha256, ResultBundle.Index index) {
        return new Checked(State.REFUSED, reason, sha256, "", "", index);
    }
}
