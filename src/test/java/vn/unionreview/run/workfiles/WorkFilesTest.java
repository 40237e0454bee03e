package vn.unionreview.run.workfiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.unionreview.ingest.DuplicateRule;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.IngestRecord.Source;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.result.FileReport;
import vn.unionreview.result.NotSubmitted;
import vn.unionreview.result.RunCounts;
import vn.unionreview.run.RunFile;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.Rating;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;

/**
 * The run's work files: what the reading steps write is what the later steps read, with refusals and set-aside copies
 * applied.
 */
class WorkFilesTest {

    @TempDir
    Path runDir;

    private static final Message BROKE = Message.of("row.beyond_header", "cell", "AK7", "last_column", "AJ");

    private static IngestRecord row(String file, int row, String code, boolean accepted, int cells) {
        Submission submission =
                accepted ? new Submission(code, Map.of("C1", new BigDecimal(row + ".5")), Map.of(), Map.of()) : null;
        List<Problem> problems = accepted
                ? List.of()
                : List.of(new Problem(
                        Severity.REJECTED,
                        file,
                        "data",
                        row,
                        "B" + row,
                        "C1",
                        code,
                        "x",
                        Message.of("row.header_repeated", "header_row", 1)));
        return new IngestRecord(
                file, "data", row, code, accepted, submission, problems, Source.TABLE, cells, accepted ? 0 : 1, null);
    }

    private WorkFiles aYear() {
        WorkFiles work = WorkFiles.of(runDir);
        work.writeRegistry(
                Stream.of(
                                new Branch("C3", "Ba", "K1"),
                                new Branch("C1", "Một", "K1"),
                                new Branch("C2", "Hai", "K2"),
                                new Branch("C4", "Bốn", "K2"))
                        .map(b -> new WorkFiles.Registered(b, Rating.of(b.history(), null)))
                        .toList(),
                List.of());
        try (RowWriter rows = work.rowWriter(Source.TABLE)) {
            rows.write(List.of(
                    IngestRecord.fileItem("tables/a.csv", "data", Source.TABLE, List.of()),
                    row("tables/a.csv", 2, "C3", true, 10),
                    row("tables/a.csv", 3, "C1", true, 10),
                    row("tables/a.csv", 4, "C9", false, 10)));
            // b.csv gives a row, then its structure breaks in the next chunk: what it gave is not used
            rows.write(List.of(
                    IngestRecord.fileItem("tables/b.csv", "data", Source.TABLE, List.of()),
                    row("tables/b.csv", 2, "C4", true, 10)));
            rows.write(List.of(
                    row("tables/a.csv", 5, "C2", true, 10),
                    IngestRecord.refusal(
                            "tables/b.csv",
                            "data",
                            Source.TABLE,
                            new Problem(Severity.REJECTED, "tables/b.csv", "data", 3, "AK3", "", "", "", BROKE))));
        }
        return work;
    }

    @Test
    void acceptedSubmissionsComeInCodeOrderWhateverTheOrderRead() {
        WorkFiles work = aYear();
        List<String> seen = new ArrayList<>();
        work.forEachAcceptedSubmission(
                (code, s) -> seen.add(code + "=" + s.self().get("C1")));
        assertThat(seen).containsExactly("C1=3.5", "C2=5.5", "C3=2.5");
        assertThat(work.branches()).extracting(Branch::code).containsExactly("C1", "C2", "C3", "C4");
    }

    @Test
    void aFileThatBrokePartwayGivesNothingAndSaysWhyForEachRowItGave() {
        WorkFiles work = aYear();
        assertThat(work.tally().rows(Source.TABLE)).isEqualTo(new Tally.Rows(3, 2));
        assertThat(work.tally().files())
                .containsExactly(
                        new FileReport("tables/a.csv", Source.TABLE, true, null, 4, 3, 40, 30, 1, 0, "C1"),
                        new FileReport("tables/b.csv", Source.TABLE, false, BROKE, 1, 0, 10, 0, 0, 0, "C4"));
        List<Problem> problems = work.problems();
        assertThat(problems)
                .extracting(p -> p.file() + ":" + p.row() + ":" + p.code() + ":"
                        + p.reason().code())
                .containsExactly(
                        "tables/a.csv:4:C9:row.header_repeated",
                        "tables/b.csv:3::row.beyond_header",
                        "tables/b.csv:2:C4:row.beyond_header");
        assertThat(work.tally().notSubmitted()).containsExactly(new NotSubmitted("C4", "Bốn", "K2", 1));
        RunCounts counts = work.tally().counts();
        assertThat(counts.rowsRead())
                .isEqualTo(counts.rowsAccepted() + counts.rowsRejected())
                .isEqualTo(5);
        assertThat(counts.cellsRead())
                .isEqualTo(counts.cellsAccepted() + counts.cellsRejected())
                .isEqualTo(50);
        assertThat(List.of(
                        counts.registryBranches(),
                        counts.rowsAccepted(),
                        counts.notSubmitted(),
                        counts.tableFiles(),
                        counts.unreadableFiles()))
                .containsExactly(4, 3, 1, 1, 1);
    }

    @Test
    void copiesSetAsideAreRejectedForEveryLaterReaderAndJudgedAnewWhenAskedAgain() {
        WorkFiles work = aYear();
        try (RowWriter rows = work.rowWriter(Source.TABLE)) {
            rows.write(List.of(row("tables/c.csv", 2, "C1", true, 10)));
        }
        assertThat(work.tally().duplicateSubmissions()).containsOnlyKeys("C1");
        List<DuplicateRule.Copy> copies = work.tally().duplicateSubmissions().get("C1");
        assertThat(copies).extracting(DuplicateRule.Copy::file).containsExactly("tables/a.csv", "tables/c.csv");
        work.writeDuplicates(copies, List.of());
        List<String> seen = new ArrayList<>();
        work.forEachAcceptedSubmission((code, s) -> seen.add(code));
        assertThat(seen).containsExactly("C2", "C3");
        assertThat(work.tally().acceptedSources()).containsOnlyKeys("C2", "C3");
        assertThat(work.tally().duplicateSubmissions())
                .as("the step run again judges every copy again")
                .containsOnlyKeys("C1");
    }

    @Test
    void aStepThatStartsOverForgetsWhatItWroteAndCompletedRunsLeaveNoFolder() {
        WorkFiles work = aYear();
        work.forget(Source.TABLE);
        assertThat(work.tally().rows(Source.TABLE)).isEqualTo(new Tally.Rows(0, 0));
        assertThat(work.problems()).isEmpty();
        try (RowWriter rows = work.rowWriter(Source.TABLE)) {
            rows.write(List.of(row("tables/a.csv", 2, "C3", true, 10)));
        }
        List<String> seen = new ArrayList<>();
        work.forEachAcceptedSubmission(
                (code, s) -> seen.add(code + "=" + s.self().get("C1")));
        assertThat(seen).containsExactly("C3=2.5");
        work.delete();
        assertThat(RunFile.WORK.in(runDir)).doesNotExist();
    }
}
