package vn.unionreview.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import vn.unionreview.audit.Manifest;
import vn.unionreview.audit.Verification;
import vn.unionreview.batch.InputSettings;
import vn.unionreview.batch.RunSettings;
import vn.unionreview.batch.UnitsSettings;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.report.FeedbackSettings;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.run.RunKind;
import vn.unionreview.run.launch.RunOutcome;
import vn.unionreview.run.launch.RunRequest;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;

/**
 * Replays a run from its archive alone (never from input/) in a scratch folder and compares what comes out with what
 * the run recorded. The command line's {@code verify} and the console's auditors use it.
 */
public final class Replay {

    public enum Verdict {
        /**
         * The same result digest and every output byte for byte (report PDFs of runs before settings were recorded: by
         * their results).
         */
        IDENTICAL,
        /** The replay gave another answer: {@code lines} say where. */
        DIFFERENT,
        /** An archived file no longer matches its SHA-256: nothing was replayed; {@code lines} say which. */
        TAMPERED,
        /** The replay itself did not complete: {@code lines} hold why and its log. */
        NOT_REPLAYED
    }

    /**
     * The verdict, the lines that explain it (differences, tampered files, or the failure), and notes for information:
     * which settings the replay used, and how the configuration where it ran differs from them.
     */
    public record Result(Verdict verdict, List<Message> lines, List<Message> notes) {

        public Result {
            lines = List.copyOf(lines);
            notes = List.copyOf(notes);
        }

        public Result(Verdict verdict, List<Message> lines) {
            this(verdict, lines, List.of());
        }

        /** The lines in the reader's language. */
        public List<String> linesIn(Catalogue words) {
            return lines.stream().map(words::render).toList();
        }

        public List<String> notesIn(Catalogue words) {
            return notes.stream().map(words::render).toList();
        }
    }

    private Replay() {}

    /** Checks the archive, then (after {@code replaying} is told) replays the run and compares. */
    public static Result verify(Manifest manifest, Path manifestFile, Runnable replaying) throws Exception {
        Verification verification = new Verification(manifest, manifestFile);
        List<Message> tampering = verification.tampering();
        if (!tampering.isEmpty()) {
            return new Result(Verdict.TAMPERED, tampering);
        }
        replaying.run();
        Path work = Files.createTempDirectory("union-review-verify");
        try {
            Verification.Replay staged = verification.stage(work);
            RuleBook rules = RuleSetLoader.loadBook(staged.rules());
            InputSet inputs = InputSet.discover(staged.input(), manifest.year());
            // a run recorded before its settings were left them to the configuration: the replay can only do the same
            RunSettings recorded = manifest.settings() == null ? null : RunSettings.of(manifest.settings());
            RunRequest.Origin origin = new RunRequest.Origin(
                    RunKind.of(manifest.kind()),
                    Message.of("origin.replay", "year", String.valueOf(manifest.year()), "run", manifest.run())
                            .encode());
            RunRequest request = RunRequest.of(manifest.year(), rules, staged.input(), inputs, staged.output(), origin)
                    .languages(manifest.languages())
                    .reportDate(LocalDate.parse(manifest.reportDate()))
                    .duplicates(DuplicatePolicy.of(manifest.duplicates()))
                    // a run from before the signals existed looked for none
                    .integrity(
                            manifest.integrity() == null
                                    ? new IntegritySettings(false, null, null, null, null, null)
                                    : IntegritySettings.of(manifest.integrity()))
                    .settings(recorded)
                    .build();
            List<Message> log = new ArrayList<>();
            Replayed replayed = RunService.run(
                    request,
                    log::add,
                    (context, outcome) -> new Replayed(
                            outcome,
                            RunSettings.configured(
                                    context.getBean(ReportSettings.class),
                                    context.getBean(FeedbackSettings.class),
                                    context.getBean(InputSettings.class),
                                    context.getBean(UnitsSettings.class),
                                    manifest.year())));
            RunOutcome replay = replayed.outcome();
            if (replay.status() != RunOutcome.Status.COMPLETED) {
                return new Result(
                        Verdict.NOT_REPLAYED,
                        Stream.concat(
                                        Stream.of(Message.of(
                                                "verify.not_replayed",
                                                "why",
                                                replay.failure() == null
                                                        ? Message.of(
                                                                "run.status",
                                                                "status",
                                                                replay.status().name())
                                                        : replay.failure())),
                                        log.stream())
                                .toList());
            }
            List<Message> differences = verification.differences(replay.runDir());
            // a run id made before the settings counted in it cannot be made again
            if (recorded != null && !replay.runDir().getFileName().toString().equals(manifest.run())) {
                differences.add(
                        0,
                        Message.of(
                                "verify.run_id_differs",
                                "recorded",
                                manifest.run(),
                                "replayed",
                                replay.runDir().getFileName().toString()));
            }
            List<Message> notes = notes(manifest, replayed.configured());
            return differences.isEmpty()
                    ? new Result(
                            Verdict.IDENTICAL,
                            List.of(Message.of(
                                    "verify.identical",
                                    "digest",
                                    manifest.resultDigest(),
                                    "files",
                                    manifest.outputs().size(),
                                    "reports_by_bytes",
                                    verification.comparesReportsByBytes() ? "yes" : "no")),
                            notes)
                    : new Result(Verdict.DIFFERENT, differences, notes);
        } finally {
            deleteTree(work);
        }
    }

    private record Replayed(RunOutcome outcome, RunSettings configured) {}

    /** Which settings the replay used and, for information, where the configuration it ran beside differs from them. */
    private static List<Message> notes(Manifest manifest, RunSettings configured) {
        if (manifest.settings() == null) {
            return List.of(Message.of("verify.settings_configured"));
        }
        List<Message> changed = RunSettings.differences(manifest.settings(), configured.describe());
        if (changed.isEmpty()) {
            return List.of(Message.of("verify.settings_recorded_same"));
        }
        List<Message> notes = new ArrayList<>();
        notes.add(Message.of("verify.settings_recorded_differ"));
        notes.addAll(changed);
        return notes;
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
