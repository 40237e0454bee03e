package vn.unionreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.unionreview.audit.ActivityLog;
import vn.unionreview.audit.Manifest;

/**
 * A run's page names exactly the files its manifest lists, each with the upload that placed those bytes at that path
 * before the run started: never an upload made after it, of another path, or of other bytes.
 */
class RunProvenanceTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @Test
    void eachInputIsMatchedToTheUploadThatPlacedItBeforeTheRun() {
        Manifest manifest = Manifest.builder()
                .software("union-review test")
                .run(2025, "run1", 1, 1, 1)
                .kind("final")
                .reportDate("2026-01-05")
                .languages(List.of("vi"))
                .duplicates("reject-all")
                .inputs(List.of(
                        archived("registry.csv", A),
                        archived("forms/CDCS-001.xlsx", B),
                        archived("tables/bang.csv", A)))
                .outputs(List.of())
                .resultDigest("0".repeat(64))
                .decisions(List.of())
                .build();
        Years.Run run = new Years.Run(
                "run1", Path.of("output/2025/run1"), LocalDateTime.parse("2026-01-05T10:00:00"), true, manifest, null);
        List<ActivityLog.Entry> activity = List.of(
                upload("2026-01-05T08:00:00", "hoa", "registry.csv", B), // other bytes at that path, replaced below
                upload("2026-01-05T08:30:00", "lan", "registry.csv", A), // the bytes the run read: this one
                upload("2026-01-05T08:40:00", "lan", "forms/CDCS-002.xlsx", B), // the same bytes at another path
                new ActivityLog.Entry("2026-01-05T09:00:00", "hoa", "run-started", "run1", null, null, "final"),
                upload(
                        "2026-01-05T09:30:00",
                        "minh",
                        "forms/CDCS-001.xlsx",
                        B), // the same bytes, after the run started
                upload("2026-01-05T09:31:00", "minh", "registry.csv", A), // again after the run started
                new ActivityLog.Entry("2026-01-05T09:40:00", "hoa", "run-ended", "run1", null, null, "COMPLETED"),
                new ActivityLog.Entry("2026-01-05T09:41:00", "kiem-toan", "verify", "run0", null, null, "IDENTICAL"));

        List<RunController.InputProvenance> inputs = RunController.inputProvenance(run, activity);

        assertThat(inputs)
                .extracting(RunController.InputProvenance::name)
                .containsExactly("registry.csv", "forms/CDCS-001.xlsx", "tables/bang.csv");
        assertThat(inputs.get(0).upload())
                .extracting(ActivityLog.Entry::user, ActivityLog.Entry::time)
                .containsExactly("lan", "2026-01-05T08:30:00");
        assertThat(inputs.get(1).upload())
                .as("uploaded only after the run started")
                .isNull();
        assertThat(inputs.get(2).upload()).as("never uploaded at that path").isNull();
        assertThat(RunController.actions(run, activity))
                .extracting(ActivityLog.Entry::action)
                .containsExactly("run-started", "run-ended");
    }

    private static Manifest.Archived archived(String name, String sha256) {
        return new Manifest.Archived(
                name, "table", 1, sha256, "archive/sha256/" + sha256.substring(0, 2) + "/" + sha256);
    }

    private static ActivityLog.Entry upload(String time, String user, String file, String sha256) {
        return new ActivityLog.Entry(time, user, "upload", null, file, sha256, "table");
    }
}
