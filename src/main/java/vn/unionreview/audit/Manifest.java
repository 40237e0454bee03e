package vn.unionreview.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.unionreview.files.AtomicFiles;

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
        String kind) {

    public static final String FORMAT = "union-review/manifest/v1";
    /** The role of an earlier year's results.csv compared with; its name is "year/run/results.csv". */
    public static final String EARLIER_ROLE = "earlier-results";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** An input or the rule set: its name as the run knew it, role, size, SHA-256 and archived copy. */
    public record Archived(String name, String role, long size, String sha256, String archive) {}

    /** A file the run wrote, relative to the run folder. */
    public record Output(String name, long size, String sha256) {}

    /** A council decision of decisions.yaml and what became of it (manifests before issue 13 have none). */
    public record Decision(int seq, String branch, String decision, String reason, boolean applied, String outcome) {}

    public record Counts(int registryBranches, int rowsRead, int rowsAccepted, int rowsRejected, int notSubmitted) {}

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
