package vn.unionreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Verification;
import vn.unionreview.batch.RunOutcome;
import vn.unionreview.batch.RunRequest;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.rules.RuleSetLoader;

/**
 * {@code verify MANIFEST}: replays a run from its archive alone (never from input/) and says
 * whether the same answer comes out.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Replay a run from its archived rule set and inputs alone and compare with what it recorded.",
                "Prints 'identical' (exit 0) or the first differences: branch, field, old and new value (exit 1).",
                "An archived file that no longer matches its SHA-256 is reported and nothing is replayed (exit 1)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:identical", "1:different, or the archive was tampered with", "2:not a readable manifest"})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MANIFEST", description = "a run's manifest.json, e.g. output/2025/<run>/manifest.json")
    Path manifestFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest;
        try {
            manifest = Manifest.read(manifestFile);
        } catch (IOException e) {
            err.println(e.getMessage());
            return UnionReviewCli.USAGE;
        }
        Verification verification = new Verification(manifest, manifestFile);
        List<String> tampering = verification.tampering();
        if (!tampering.isEmpty()) {
            err.println("Refusing to replay " + manifest.year() + "/" + manifest.run() + ": the archive does not match the manifest.");
            tampering.forEach(t -> err.println("  " + t));
            return UnionReviewCli.FAILED;
        }
        out.printf("Replaying %d/%s from its archive: rules %s, %d input file(s)…%n", manifest.year(), manifest.run(),
                manifest.rules().name(), manifest.inputs().size());
        out.flush();
        Path work = Files.createTempDirectory("union-review-verify");
        try {
            Verification.Replay staged = verification.stage(work);
            RuleSetFile rules = RuleSetLoader.load(staged.rules());
            InputSet inputs = InputSet.discover(staged.input(), manifest.year());
            RunRequest request = new RunRequest(manifest.year(), rules, staged.input(), inputs, staged.output(), false, false,
                    manifest.languages(), null, java.time.LocalDate.parse(manifest.reportDate()),
                    vn.unionreview.ingest.DuplicatePolicy.of(manifest.duplicates()),
                    // a run from before the signals existed looked for none
                    manifest.integrity() == null ? new IntegritySettings(false, null, null, null, null, null)
                            : IntegritySettings.of(manifest.integrity()));
            StringWriter log = new StringWriter();
            RunOutcome replay = RunService.run(request, new PrintWriter(log));
            if (replay.status() != RunOutcome.Status.COMPLETED) {
                err.println("The replay did not complete: " + replay.failure());
                err.print(log);
                return UnionReviewCli.FAILED;
            }
            List<String> differences = verification.differences(replay.runDir());
            if (!replay.runDir().getFileName().toString().equals(manifest.run())) {
                differences.add(0, "run id " + manifest.run() + " → " + replay.runDir().getFileName());
            }
            if (differences.isEmpty()) {
                out.printf("identical: result digest %s, %d output file(s) byte for byte (report PDFs by their results)%n",
                        manifest.resultDigest(), manifest.outputs().size());
                return UnionReviewCli.OK;
            }
            out.println("DIFFERENT from the recorded run:");
            differences.forEach(d -> out.println("  " + d));
            return UnionReviewCli.FAILED;
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
