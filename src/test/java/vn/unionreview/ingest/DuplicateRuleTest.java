package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which of a branch's several accepted submissions, if any, is used. */
class DuplicateRuleTest {

    private static final DuplicateRule REJECT_ALL = new DuplicateRule(DuplicatePolicy.REJECT_ALL);
    private static final DuplicateRule NEWER_FORM_WINS = new DuplicateRule(DuplicatePolicy.NEWER_FORM_WINS);

    private static DuplicateRule.Copy form(String file, String saved) {
        return new DuplicateRule.Copy(
                file, "Phiếu", 3, IngestRecord.Source.FORM, saved == null ? null : Instant.parse(saved));
    }

    private static DuplicateRule.Copy row(String file, int row) {
        return new DuplicateRule.Copy(file, "", row, IngestRecord.Source.TABLE, null);
    }

    @Test
    void byDefaultEveryCopyIsRejectedNamingTheOthers() {
        List<DuplicateRule.Verdict> verdicts = REJECT_ALL.decide(
                "CDCS-029", List.of(row("tables/a.csv", 7), form("forms/CDCS-029.xlsx", "2025-12-20T08:00:00Z")));
        assertThat(verdicts)
                .noneMatch(DuplicateRule.Verdict::kept)
                .allMatch(v -> v.problem().severity() == Severity.REJECTED);
        assertThat(verdicts.get(0).problem().reason().english())
                .isEqualTo(
                        "duplicate submission for CDCS-029 (also forms/CDCS-029.xlsx): all are rejected until one is removed");
        assertThat(verdicts.get(1).problem().reason().english())
                .isEqualTo(
                        "duplicate submission for CDCS-029 (also tables/a.csv row 7): all are rejected until one is removed");
        assertThat(verdicts.get(0).problem().row()).isEqualTo(7);
        assertThat(REJECT_ALL.decide(
                        "X", List.of(form("f1", "2025-12-01T00:00:00Z"), form("f2", "2025-12-02T00:00:00Z"))))
                .as("reject-all does not look at times")
                .noneMatch(DuplicateRule.Verdict::kept);
    }

    @Test
    void newerFormWinsKeepsTheFormSavedLastAndSupersedesTheOthers() {
        List<DuplicateRule.Verdict> verdicts = NEWER_FORM_WINS.decide(
                "CDCS-060",
                List.of(
                        form("forms/CDCS-060.xls", "2025-12-18T08:00:00Z"),
                        form("forms/CDCS-060 (gửi lại).xlsx", "2025-12-21T08:00:00Z"),
                        form("forms/old.xlsx", "2025-12-01T08:00:00Z")));
        assertThat(verdicts).extracting(DuplicateRule.Verdict::kept).containsExactly(false, true, false);
        assertThat(verdicts.get(1).problem().severity()).isEqualTo(Severity.NOTE);
        assertThat(verdicts.get(1).problem().reason().english())
                .startsWith("duplicate forms for CDCS-060: this one, saved 2025-12-21T08:00:00Z, is the newest");
        assertThat(verdicts.get(0).problem().reason().english())
                .isEqualTo(
                        "superseded by the newer form forms/CDCS-060 (gửi lại).xlsx (saved 2025-12-21T08:00:00Z; rule newer-form-wins)");
    }

    @Test
    void newerFormWinsDecidesNothingWithATableRowATieOrAnUnknownTime() {
        for (List<DuplicateRule.Copy> copies : List.of(
                List.of(form("f1", "2025-12-01T00:00:00Z"), row("tables/a.csv", 4)),
                List.of(
                        form("f1", "2025-12-01T00:00:00Z"),
                        form("f2", "2025-12-01T00:00:00Z"),
                        form("f3", "2025-11-01T00:00:00Z")),
                List.of(form("f1", "2025-12-01T00:00:00Z"), form("f2", null)))) {
            List<DuplicateRule.Verdict> verdicts = NEWER_FORM_WINS.decide("X", copies);
            assertThat(verdicts).hasSameSizeAs(copies).noneMatch(DuplicateRule.Verdict::kept);
            assertThat(verdicts)
                    .allMatch(v -> v.problem()
                            .reason()
                            .english()
                            .endsWith("(newer-form-wins only decides between forms with different saved times)"));
        }
    }
}
