package vn.unionreview.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import vn.unionreview.Digests;
import vn.unionreview.files.Csv;
import vn.unionreview.run.RunFile;
import vn.unionreview.sign.DecisionSigning;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.sign.SigningKey;
import vn.unionreview.text.Message;

/**
 * The checks of {@code verify}, around a replay that the caller performs: the archive is checked against the manifest
 * before anything is replayed, then the replay's results and files are compared with the recorded ones, naming the
 * first differences by branch and field.
 */
public final class Verification {

    /** Differences listed before "and N more". */
    static final int SHOWN = 20;

    private final Manifest manifest;
    private final Path runDir;
    private final Path outputDir;

    public Verification(Manifest manifest, Path manifestFile) {
        this.manifest = manifest;
        this.runDir = manifestFile.toAbsolutePath().getParent();
        this.outputDir = runDir.getParent().getParent();
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Every archived input, the rule set and results.csv, checked against their digests; empty when intact. */
    public List<Message> tampering() throws IOException {
        List<Message> problems = new ArrayList<>();
        List<Manifest.Archived> archived = new ArrayList<>(manifest.inputs());
        archived.add(0, manifest.rules());
        if (manifest.checks() != null) {
            archived.add(1, manifest.checks());
        }
        if (manifest.ruleFiles() != null) {
            archived.addAll(1, manifest.ruleFiles());
        }
        for (Manifest.Archived a : archived) {
            Path copy = outputDir.resolve(a.archive());
            if (!Files.isRegularFile(copy)) {
                problems.add(Message.of("verify.archive_missing", "file", a.name(), "archive", a.archive()));
            } else if (!Digests.sha256(copy).equals(a.sha256())) {
                problems.add(Message.of("verify.archive_altered", "file", a.name(), "archive", a.archive()));
            }
        }
        Publications.Publication published = Publications.read(runDir.getParent())
                .of(runDir.getFileName().toString())
                .orElse(null);
        if (published != null) {
            // a published run's decision files are checked against what was recorded when it was published
            for (String[] file : new String[][] {
                {RunFile.DECISION_PDF.fileName(), published.decisionPdfSha256()},
                {RunFile.DECISION_DOCX.fileName(), published.decisionDocxSha256()}
            }) {
                Path decision = runDir.resolve(file[0]);
                if (!Files.isRegularFile(decision) || !Digests.sha256(decision).equals(file[1])) {
                    problems.add(Message.of(
                            "verify.decision_altered",
                            "file",
                            file[0],
                            "run",
                            runDir.toString(),
                            "number",
                            published.number()));
                }
            }
            if (!published.signatures().isEmpty() && Files.isRegularFile(RunFile.DECISION_PDF.in(runDir))) {
                problems.addAll(signatureProblems(RunFile.DECISION_PDF.in(runDir), published.signatures()));
            }
        }
        Path manifestFile = RunFile.MANIFEST.in(runDir);
        if (Files.isRegularFile(ManifestSignature.of(manifestFile))) {
            problems.addAll(ManifestSignature.check(manifestFile, null).problems());
        }
        for (Manifest.Output o : manifest.outputs()) {
            if (o.name().equals(RunFile.RESULTS.fileName())) {
                Path file = runDir.resolve(o.name());
                if (!Files.isRegularFile(file) || !Digests.sha256(file).equals(o.sha256())) {
                    problems.add(Message.of("verify.results_altered", "run", runDir.toString()));
                }
            }
        }
        return problems;
    }

    /**
     * What is wrong with the signatures of a signed decision: each must verify over what it covers, be made with the
     * certificate recorded when it was published, and the last must cover the whole file (nothing added after it).
     */
    static List<Message> signatureProblems(Path pdf, List<Publications.Signature> recorded) throws IOException {
        List<Message> problems = new ArrayList<>();
        List<DecisionSigning.Found> found = DecisionSigning.check(pdf);
        if (found.size() != recorded.size()) {
            problems.add(Message.of("verify.signature_count", "found", found.size(), "recorded", recorded.size()));
        }
        for (int i = 0; i < Math.min(found.size(), recorded.size()); i++) {
            DecisionSigning.Found f = found.get(i);
            Publications.Signature r = recorded.get(i);
            if (!f.intact()) {
                problems.add(Message.of(
                        "verify.signature_broken",
                        "n",
                        i + 1,
                        "role",
                        r.role(),
                        "subject",
                        SigningKey.commonName(r.subject())));
            } else if (!f.signature().serial().equals(r.serial())
                    || !f.signature().issuer().equals(r.issuer())) {
                problems.add(Message.of(
                        "verify.signature_other_certificate",
                        "n",
                        i + 1,
                        "role",
                        r.role(),
                        "subject",
                        SigningKey.commonName(f.signature().subject()),
                        "recorded",
                        SigningKey.commonName(r.subject())));
            }
        }
        if (!found.isEmpty() && !found.get(found.size() - 1).coversWholeFile()) {
            problems.add(Message.of("verify.signature_not_last"));
        }
        return problems;
    }

    /** Rebuilds the run's input folder, rule file and compared results from the archive alone, under {@code work}. */
    public Replay stage(Path work) throws IOException {
        Path input = work.resolve("input");
        Path output = work.resolve("output");
        Path yearDir = input.resolve(Integer.toString(manifest.year()));
        for (Manifest.Archived a : manifest.inputs()) {
            Path target = Manifest.EARLIER_ROLE.equals(a.role()) ? output.resolve(a.name()) : yearDir.resolve(a.name());
            Files.createDirectories(target.getParent());
            Files.copy(outputDir.resolve(a.archive()), target);
        }
        Path rules = work.resolve("rules").resolve(manifest.rules().name());
        if (manifest.ruleFiles() != null) {
            // a folder of kinds: its files, each with the fact checks it has, rebuilt as the folder they were
            Files.createDirectories(rules);
            for (Manifest.Archived a : manifest.ruleFiles()) {
                Files.copy(outputDir.resolve(a.archive()), rules.resolve(a.name()));
            }
            return new Replay(input, output, rules);
        }
        Files.createDirectories(rules.getParent());
        Files.copy(outputDir.resolve(manifest.rules().archive()), rules);
        if (manifest.checks() != null) {
            // beside the rule file, where the run looks for them
            Files.copy(
                    outputDir.resolve(manifest.checks().archive()),
                    rules.resolveSibling(manifest.checks().name()));
        }
        return new Replay(input, output, rules);
    }

    /** Where the staged replay reads and writes. */
    public record Replay(Path input, Path output, Path rules) {}

    /**
     * Differences between the recorded run and the replay in {@code replayDir}: results field by field, then every
     * output file by SHA-256. Report PDFs of runs recorded before their settings were
     * ({@link #comparesReportsByBytes()}) are left to the result comparison: their control page printed the job
     * execution id and the rule file's path, which a replay on another database does not share.
     */
    public List<Message> differences(Path replayDir) throws IOException {
        Manifest replay = Manifest.read(RunFile.MANIFEST.in(replayDir));
        List<Message> differences = new ArrayList<>();
        if (!replay.resultDigest().equals(manifest.resultDigest())) {
            differences.add(Message.of(
                    "verify.digest_differs", "recorded", manifest.resultDigest(), "replayed", replay.resultDigest()));
            differences.addAll(resultDifferences(RunFile.RESULTS.in(runDir), RunFile.RESULTS.in(replayDir)));
        }
        Map<String, String> replayed = new LinkedHashMap<>();
        replay.outputs().forEach(o -> replayed.put(o.name(), o.sha256()));
        for (Manifest.Output o : manifest.outputs()) {
            if (!comparesReportsByBytes() && o.name().matches("report(-\\w+)?\\.pdf")) {
                continue;
            }
            String sha = replayed.get(o.name());
            if (sha == null) {
                differences.add(Message.of("verify.output_missing", "file", o.name()));
            } else if (!sha.equals(o.sha256())) {
                differences.add(
                        Message.of("verify.output_differs", "file", o.name(), "recorded", o.sha256(), "replayed", sha));
            }
        }
        if (differences.size() > SHOWN) {
            int more = differences.size() - SHOWN;
            differences = new ArrayList<>(differences.subList(0, SHOWN));
            differences.add(Message.of("verify.more", "count", more));
        }
        return differences;
    }

    /**
     * Whether the run's report PDFs are reproducible, so compared by their bytes: runs that recorded their settings.
     */
    public boolean comparesReportsByBytes() {
        return manifest.settings() != null;
    }

    private static List<Message> resultDifferences(Path recorded, Path replayed) throws IOException {
        Map<String, CSVRecord> before = Csv.readByFirstColumn(recorded);
        Map<String, CSVRecord> after = Csv.readByFirstColumn(replayed);
        List<Message> out = new ArrayList<>();
        for (Map.Entry<String, CSVRecord> e : before.entrySet()) {
            CSVRecord now = after.get(e.getKey());
            if (now == null) {
                out.add(Message.of("verify.branch_missing", "branch", e.getKey()));
                continue;
            }
            for (String field : ResultDigest.FIELDS) {
                String old = e.getValue().get(field);
                String neu = now.get(field);
                if (!old.equals(neu)) {
                    out.add(Message.of(
                            "verify.branch_differs",
                            "branch",
                            e.getKey(),
                            "field",
                            field,
                            "recorded",
                            old,
                            "replayed",
                            neu));
                }
            }
        }
        after.keySet().stream()
                .filter(code -> !before.containsKey(code))
                .forEach(code -> out.add(Message.of("verify.branch_extra", "branch", code)));
        return out;
    }
}
