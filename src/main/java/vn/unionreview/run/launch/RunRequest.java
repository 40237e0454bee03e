package vn.unionreview.run.launch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.unionreview.batch.RunSettings;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.run.RunKind;
import vn.unionreview.text.Message;

/**
 * What the user asked to run: a year, its rule set and inputs, where outputs go, whether to rerun a completed run or
 * resume the year's unfinished one, and how to present it (null: from configuration). {@code integrity} gives the
 * thresholds of the integrity signals and {@code settings} everything else configured that shapes an output (null: from
 * configuration; a replay gives the recorded ones). {@code origin} says what kind of run it is and who or what started
 * it, for the manifest and the year's activity record.
 */
public record RunRequest(
        int year,
        RuleSetFile rules,
        Path inputDir,
        InputSet inputs,
        Path outputDir,
        boolean rerun,
        boolean resume,
        List<String> languages,
        Path compare,
        LocalDate reportDate,
        DuplicatePolicy duplicates,
        IntegritySettings integrity,
        RunSettings settings,
        Origin origin) {

    public RunRequest {
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A plain run: report languages, date and duplicates rule from configuration, earlier years found in the output
     * folder.
     */
    public RunRequest(
            int year, RuleSetFile rules, Path inputDir, InputSet inputs, Path outputDir, boolean rerun, Origin origin) {
        this(year, rules, inputDir, inputs, outputDir, rerun, false, null, null, null, null, null, null, origin);
    }

    /**
     * The run's kind, and who or what started it: a console user's name, or a stored message naming the command line's
     * user, a schedule, the folder watcher or a replay ({@code origin.*}), read in each reader's language.
     */
    public record Origin(RunKind kind, String startedBy) {

        public Origin {
            Objects.requireNonNull(kind, "kind");
            startedBy = startedBy == null || startedBy.isBlank() ? "?" : startedBy.strip();
        }

        /** A run started from the command line by the user logged in. */
        public static Origin commandLine(RunKind kind) {
            return new Origin(
                    kind,
                    Message.of("origin.command_line", "user", System.getProperty("user.name", "?"))
                            .encode());
        }
    }
}
