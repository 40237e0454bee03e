package vn.unionreview.run.workfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.BranchScorer;

class StoredScoreTest {

    private static final Branch BRANCH = Fixtures.branch("CDCS-001", "Khối Giáo dục");

    @Test
    void keepsEveryFieldWithItsScaleAndUndefinedKeys() {
        BranchScore score = new BranchScore(
                BRANCH,
                new BigDecimal("85.50"),
                new BigDecimal("2"),
                new BigDecimal("0.25"),
                new BigDecimal("87.25"),
                0,
                2,
                List.of("work_stoppage", "low_membership"),
                Arrays.asList(new BigDecimal("18.0"), null, new BigDecimal("0.9500")),
                new BigDecimal("-1.5"),
                List.of(
                        "total 87.25 = max(0, base 85.50 + bonus 2 − penalty 0.25)",
                        "",
                        "cap work_stoppage (Để xảy ra ngừng việc): tier at most HT"));

        String stored = StoredScore.write(score);

        assertThat(stored).isEqualTo("85.50|2|0.25|87.25|0|2|work_stoppage;low_membership|18.0;~;0.9500|-1.5");
        BranchScore back = StoredScore.read(BRANCH, stored, StoredScore.explanation(score));
        assertThat(back).isEqualTo(score);
        assertThat(back.total().scale()).isEqualTo(2);
        assertThat(back.tieBreakKeys().get(1)).isNull();
    }

    @Test
    void keepsNoCapsNoKeysAndAnEmptyExplanation() {
        BranchScore score = new BranchScore(
                BRANCH,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                3,
                3,
                List.of(),
                List.of(),
                BigDecimal.ZERO,
                List.of());

        assertThat(StoredScore.write(score)).isEqualTo("0|0|0|0|3|3|||0");
        assertThat(StoredScore.read(BRANCH, StoredScore.write(score), StoredScore.explanation(score)))
                .isEqualTo(score);
    }

    /**
     * What the score step ranks is exactly what scoring the submission gives, for every kind of branch the sample rules
     * know.
     */
    @Test
    void aScoreReadBackEqualsTheScoreComputed() {
        RuleSet rules = Fixtures.rules2025();
        BranchScorer scorer = new BranchScorer(rules);
        for (String extra : new String[] {
            "",
            "work_stoppage=true",
            "dues_remitted=false members_union=10 A1.v=3.25",
            "E1=2.5 F1=1.75 finance_violation=true executive_disciplined=true"
        }) {
            for (String each : new String[] {"0", "7.5", "10"}) {
                BranchScore score = scorer.score(BRANCH, Fixtures.uniform2025(BRANCH.code(), each, extra));
                assertThat(StoredScore.read(BRANCH, StoredScore.write(score), StoredScore.explanation(score)))
                        .as("%s with %s", each, extra)
                        .isEqualTo(score);
            }
        }
    }

    @Test
    void cutsALongExplanationAsTheResultTableDoes() {
        String line = "x".repeat(15000);
        BranchScore score = new BranchScore(
                BRANCH,
                BigDecimal.ONE,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ONE,
                0,
                0,
                List.of(),
                List.of(),
                BigDecimal.ZERO,
                List.of(line, line));

        String explanation = StoredScore.explanation(score);

        assertThat(explanation).hasSize(StoredText.EXPLANATION_MAX).endsWith("…");
        // the cut explanation with lines added by ranking, cut again, is the whole one with those lines, cut
        List<String> ranked = new ArrayList<>(
                StoredScore.read(BRANCH, StoredScore.write(score), explanation).explanation());
        ranked.add("rank 1 in bloc");
        assertThat(StoredText.cut(String.join("\n", ranked), StoredText.EXPLANATION_MAX))
                .isEqualTo(StoredText.cut(line + "\n" + line + "\nrank 1 in bloc", StoredText.EXPLANATION_MAX));
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> StoredScore.read(BRANCH, "85|2|0", ""))
                .hasMessageContaining("CDCS-001")
                .hasMessageContaining("not in the expected form");
    }
}
