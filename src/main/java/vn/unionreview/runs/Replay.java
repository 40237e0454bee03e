package vn.unionreview.runs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Verification;
import vn.unionreview.batch.RunOutcome;
import vn.unionreview.batch.RunRequest;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.rules.RuleSetLoader;

/**
 * Replays a run from its archive alone (never from input/) in a scratch folder and compares what comes
 * out with what the run recorded. The command line's {@code verify} and the console's auditors use it.
 */
public final class Replay {

    public enum Verdict {
        /** The same result digest and every output byte for byte (report PDFs by their results). */
        IDENTICAL,
        /** The replay gave another answer: {@code lines} say where. */
        DIFFERENT,
        /** An archived file no longer matches its SHA-256: nothing was replayed; {@code lines} say which. */
        TAMPERED,
        /** The replay itself did not complete: {@code lines} hold why and its log. */
        NOT_REPLAYED
    }

    /** The verdict, and the lines that explain it (differences, tampered files, or the failure). */
    public record Result(Verdict verdict, List<String> lines) {

        public Result {
            lines = List.copyOf(lines);
        }
    }

    private Replay() {
    }

    /** Checks the archive, then (after {@code replaying} is told) replays the run and compares. */
    public static Result verify(Manifest manifest, Path manifestFile, Runnable replaying) throws Exception {
        Verification verification = new Verification(manifest, manifestFile);
        List<String> tampering = verification.tampering();
        if (!tampering.isEmpty()) {
            return new Result(Verdict.TAMPERED, tampering);
        }
        replaying.run();
        Path work = Files.createTempDirectory("union-review-verify");
        try {
            Verification.Replay staged = verification.stage(work);
            RuleSetFile rules = RuleSetLoader.load(staged.rules());
            InputSet inputs = InputSet.discover(staged.input(), manifest.year());
            RunRequest request = new RunRequest(manifest.year(), rules, staged.input(), inputs, staged.output(), false, false,
                    manifest.languages(), null, java.time.LocalDate.parse(manifest.reportDate()), DuplicatePolicy.of(manifest.duplicates()),
                    // a run from before the signals existed looked for none
                    manifest.integrity() == null ? new IntegritySettings(false, null, null, null, null, null)
                            : IntegritySettings.of(manifest.integrity()));
            StringWriter log = new StringWriter();
            RunOutcome replay = RunService.run(request, new PrintWriter(log));
            if (replay.status() != RunOutcome.Status.COMPLETED) {
                return new Result(Verdict.NOT_REPLAYED, Stream.concat(Stream.of("The replay did not complete: " + replay.failure()),
                        log.toString().lines()).toList());
            }
            List<String> differences = verification.differences(replay.runDir());
            if (!replay.runDir().getFileName().toString().equals(manifest.run())) {
                differences.add(0, "run id " + manifest.run() + " → " + replay.runDir().getFileName());
            }
            return differences.isEmpty() ? new Result(Verdict.IDENTICAL, List.of(String.format(
                    "identical: result digest %s, %d output file(s) byte for byte (report PDFs by their results)",
                    manifest.resultDigest(), manifest.outputs().size()))) : new Result(Verdict.DIFFERENT, differences);
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
