package vn.unionreview.run.workfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

class StoredSubmissionTest {

    @Test
    void keepsEveryValueWithItsScaleAndKind() {
        Submission s = new Submission(
                "CDCS-001",
                Map.of("C1", new BigDecimal("12.50"), "C2", new BigDecimal("0"), "P-1", new BigDecimal("-2.25")),
                Map.of("C1", new BigDecimal("10")),
                Map.of(
                        "members_total",
                        FactValue.of(new BigDecimal("40")),
                        "ratio_x",
                        FactValue.of(new BigDecimal("0.125")),
                        "has_plan",
                        FactValue.of(true),
                        "late",
                        FactValue.of(false)));

        String stored = StoredSubmission.write(s);

        assertThat(stored).isEqualTo("C1=12.50;C2=0;P-1=-2.25|C1=10|has_plan=Y;late=N;members_total=40;ratio_x=0.125");
        Submission back = StoredSubmission.read("CDCS-001", stored);
        assertThat(back).isEqualTo(s);
        assertThat(back.self().get("C1").scale()).isEqualTo(2);
    }

    @Test
    void keepsEmptySections() {
        Submission nothingVerified = new Submission("A", Map.of("C1", BigDecimal.ONE), Map.of(), Map.of());
        Submission onlyFacts = new Submission("B", Map.of(), Map.of(), Map.of("has_plan", FactValue.of(false)));
        Submission empty = new Submission("C", Map.of(), Map.of(), Map.of());

        assertThat(StoredSubmission.write(nothingVerified)).isEqualTo("C1=1||");
        assertThat(StoredSubmission.write(empty)).isEqualTo("||");
        for (Submission s : new Submission[] {nothingVerified, onlyFacts, empty}) {
            assertThat(StoredSubmission.read(s.code(), StoredSubmission.write(s)))
                    .isEqualTo(s);
        }
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> StoredSubmission.read("CDCS-001", "C1=1"))
                .hasMessageContaining("CDCS-001")
                .hasMessageContaining("not in the expected form");
    }
}
