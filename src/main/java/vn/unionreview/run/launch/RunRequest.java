package vn.unionreview.run.launch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.unionreview.batch.RunSettings;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.rules.RuleBook;
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
        RuleBook rules,
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
     * A request for the year's run of {@code inputs} (found in {@code inputDir}) with {@code rules}, its outputs under
     * {@code outputDir}; everything else from configuration unless the builder is told.
     */
    public static Builder of(int year, RuleBook rules, Path inputDir, InputSet inputs, Path outputDir, Origin origin) {
        return new Builder(year, rules, inputDir, inputs, outputDir, origin);
    }

    /** A {@link RunRequest} by name: what is not told is null (from configuration) or false. */
    public static final class Builder {
        private final int year;
        private final RuleBook rules;
        private final Path inputDir;
        private final InputSet inputs;
        private final Path outputDir;
        private final Origin origin;
        private boolean rerun;
        private boolean resume;
        private List<String> languages;
        private Path compare;
        private LocalDate reportDate;
        private DuplicatePolicy duplicates;
        private IntegritySettings integrity;
        private RunSettings settings;

        private Builder(int year, RuleBook rules, Path inputDir, InputSet inputs, Path outputDir, Origin origin) {
            this.year = year;
            this.rules = rules;
            this.inputDir = inputDir;
            this.inputs = inputs;
            this.outputDir = outputDir;
            this.origin = origin;
        }

        /** Run again though the same inputs have completed a run: the run after it, attempt 2 or more. */
        public Builder rerun(boolean rerun) {
            this.rerun = rerun;
            return this;
        }

        /** Go on with the year's unfinished run rather than start one. */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder languages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        /** An earlier run folder or results.csv to compare with, instead of the latest runs of the years before. */
        public Builder compare(Path compare) {
            this.compare = compare;
            return this;
        }

        public Builder reportDate(LocalDate reportDate) {
            this.reportDate = reportDate;
            return this;
        }

        public Builder duplicates(DuplicatePolicy duplicates) {
            this.duplicates = duplicates;
            return this;
        }

        public Builder integrity(IntegritySettings integrity) {
            this.integrity = integrity;
            return this;
        }

        /** Every other setting that shapes an output, as a replay recorded them. */
        public Builder settings(RunSettings settings) {
            this.settings = settings;
            return this;
        }

        public RunRequest build() {
            return new RunRequest(
                    year,
                    rules,
                    inputDir,
                    inputs,
                    outputDir,
                    rerun,
                    resume,
                    languages,
                    compare,
                    reportDate,
                    duplicates,
                    integrity,
                    settings,
                    origin);
        }
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
