package vn.unionreview.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.unionreview.files.AtomicFiles;
import vn.unionreview.result.RunCounts;

/**
 * manifest.json: what a run read, with which rules and software, what it wrote, and the digest of its results, so that
 * {@code verify} can replay it from the archive alone and prove the same answer. Paths of archived files are relative
 * to the output folder.
 *
 * @param checks the fact checks beside the rule set, or null when it had none
 * @param integrity the thresholds of the integrity signals
 *     ({@link vn.unionreview.integrity.IntegritySettings#describe()}); null in manifests written before the signals
 *     existed
 * @param settings every other configured setting that shaped an output (letterhead, signer, document numbers, deadline,
 *     layout, fonts, input limits), by its configuration key; {@code verify} replays with them. Null in manifests
 *     written before they were recorded
 * @param kind "final" or "validation" ({@code vn.unionreview.run.RunKind}); null in manifests written before kinds were
 *     recorded, which were final runs
 */
public record Manifest(
        String format,
        String software,
        int year,
        String run,
        long jobInstanceId,
        long jobExecutionId,
        long attempt,
        String reportDate,
        List<String> languages,
        String duplicates,
        Archived rules,
        List<Archived> inputs,
        List<Output> outputs,
        Counts counts,
        Map<String, Integer> tiers,
        String resultDigest,
        List<Decision> decisions,
        Archived checks,
        Map<String, String> integrity,
        Map<String, String> settings,
        String kind,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Archived> ruleFiles,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UnitBundle> units) {

    public static final String FORMAT = "union-review/manifest/v1";
    /** The role of an earlier year's results.csv compared with; its name is "year/run/results.csv". */
    public static final String EARLIER_ROLE = "earlier-results";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** An input or the rule set: its name as the run knew it, role, size, SHA-256 and archived copy. */
    public record Archived(String name, String role, long size, String sha256, String archive) {}

    /**
     * A unit's result bundle the province's run accepted: which unit, the bundle file and its SHA-256 (archived with
     * the inputs), who signed it and when, and the unit's decision; the chain from the province's result to each unit's
     * signed one.
     */
    public record UnitBundle(
            String unit,
            String bundle,
            String sha256,
            String signer,
            String signedAt,
            String decision,
            String decisionDate) {}

    /** A file the run wrote, relative to the run folder. */
    public record Output(String name, long size, String sha256) {}

    /** A council decision of decisions.yaml and what became of it (manifests before issue 13 have none). */
    public record Decision(int seq, String branch, String decision, String reason, boolean applied, String outcome) {}

    /**
     * The registry's numbers. {@code notRated} and {@code dissolved} are there only in a run that had either (a year
     * whose rule set says who is rated): null otherwise, so the manifests of other years are as they were.
     */
    public record Counts(
            int registryBranches,
            int rowsRead,
            int rowsAccepted,
            int rowsRejected,
            int notSubmitted,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer notRated,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer dissolved,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer submittedUnreadable) {

        /** The numbers a manifest records of a run's. */
        public static Counts of(RunCounts c) {
            boolean outOfRating = c.notRated() + c.dissolved() > 0;
            return new Counts(
                    c.registryBranches(),
                    c.rowsRead(),
                    c.rowsAccepted(),
                    c.rowsRejected(),
                    c.notSubmitted(),
                    outOfRating ? c.notRated() : null,
                    outOfRating ? c.dissolved() : null,
                    // only where a form arrived that could not be read: other runs' manifests stay as they were
                    c.submittedUnreadable() > 0 ? c.submittedUnreadable() : null);
        }

        /** Branches whose form arrived and could not be read: they submitted, and are not "not submitted". */
        public int unreadable() {
            return submittedUnreadable == null ? 0 : submittedUnreadable;
        }

        /** The branches that sent a submission that counts: neither not submitted nor out of the year's rating. */
        public int submitted() {
            return registryBranches
                    - notSubmitted
                    - unreadable()
                    - (notRated == null ? 0 : notRated)
                    - (dissolved == null ? 0 : dissolved);
        }
    }

    /** A manifest of the current format built by name; what is not given is null (or 0), as in older manifests. */
    public static Builder builder() {
        return new Builder();
    }

    /** A {@link Manifest} by name: its components are the record's. */
    public static final class Builder {
        private String format = FORMAT;
        private String software;
        private int year;
        private String run;
        private long jobInstanceId;
        private long jobExecutionId;
        private long attempt;
        private String reportDate;
        private List<String> languages;
        private String duplicates;
        private Archived rules;
        private List<Archived> inputs;
        private List<Output> outputs;
        private Counts counts;
        private Map<String, Integer> tiers;
        private String resultDigest;
        private List<Decision> decisions;
        private Archived checks;
        private Map<String, String> integrity;
        private Map<String, String> settings;
        private List<Archived> ruleFiles;
        private List<UnitBundle> units;
        private String kind;

        private Builder() {}

        /**
         * Which run: its year and folder name, its job instance and execution, and its attempt (1, or more for a
         * deliberate rerun).
         */
        public Builder run(int year, String run, long jobInstanceId, long jobExecutionId, long attempt) {
            this.year = year;
            this.run = run;
            this.jobInstanceId = jobInstanceId;
            this.jobExecutionId = jobExecutionId;
            this.attempt = attempt;
            return this;
        }

        public Builder software(String software) {
            this.software = software;
            return this;
        }

        public Builder reportDate(String reportDate) {
            this.reportDate = reportDate;
            return this;
        }

        public Builder languages(List<String> languages) {
            this.languages = languages;
            return this;
        }

        public Builder duplicates(String duplicates) {
            this.duplicates = duplicates;
            return this;
        }

        public Builder rules(Archived rules) {
            this.rules = rules;
            return this;
        }

        public Builder inputs(List<Archived> inputs) {
            this.inputs = inputs;
            return this;
        }

        public Builder outputs(List<Output> outputs) {
            this.outputs = outputs;
            return this;
        }

        public Builder counts(Counts counts) {
            this.counts = counts;
            return this;
        }

        public Builder tiers(Map<String, Integer> tiers) {
            this.tiers = tiers;
            return this;
        }

        public Builder resultDigest(String resultDigest) {
            this.resultDigest = resultDigest;
            return this;
        }

        public Builder decisions(List<Decision> decisions) {
            this.decisions = decisions;
            return this;
        }

        public Builder checks(Archived checks) {
            this.checks = checks;
            return this;
        }

        public Builder integrity(Map<String, String> integrity) {
            this.integrity = integrity;
            return this;
        }

        public Builder settings(Map<String, String> settings) {
            this.settings = settings;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /**
         * For rules read from a folder of kinds, each file of the folder; {@code rules} is then the folder, its digest
         * that of its listing.
         */
        public Builder ruleFiles(List<Archived> ruleFiles) {
            this.ruleFiles = ruleFiles;
            return this;
        }

        /** For a province's run, the units' bundles it accepted. */
        public Builder units(List<UnitBundle> units) {
            this.units = units;
            return this;
        }

        public Manifest build() {
            return new Manifest(
                    format,
                    software,
                    year,
                    run,
                    jobInstanceId,
                    jobExecutionId,
                    attempt,
                    reportDate,
                    languages,
                    duplicates,
                    rules,
                    inputs,
                    outputs,
                    counts,
                    tiers,
                    resultDigest,
                    decisions,
                    checks,
                    integrity,
                    settings,
                    kind,
                    ruleFiles,
                    units);
        }
    }

    public void write(Path file) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static Manifest read(Path file) throws IOException {
        try {
            Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
            if (!FORMAT.equals(manifest.format())) {
                throw new IOException(file + " is not a union-review manifest (format " + manifest.format() + ")");
            }
            return manifest;
        } catch (JacksonException e) {
            throw new IOException(file + " is not a readable manifest: " + e.getOriginalMessage(), e);
        }
    }
}
