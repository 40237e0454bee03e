package vn.unionreview.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.unionreview.Fixtures.branch;
import static vn.unionreview.Fixtures.submission;
import static vn.unionreview.Fixtures.uniform2025;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.rules.Condition;
import vn.unionreview.rules.Op;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Subject;

class BranchScorerTest {

    private static final int XS = 0;
    private static final int TOT = 1;
    private static final int HT = 2;
    private static final int KHT = 3;

    private final RuleSet rules = Fixtures.rules2025();
    private final BranchScorer scorer = new BranchScorer(rules);

    private BranchScore score(Submission s) {
        return scorer.score(branch(s.code(), "K1"), s);
    }

    @Test
    void sumsExactDecimalsWithoutDrift() {
        // 10 criteria of 8.5 = 85 exactly; 0.1-style binary drift would show as 84.99999
        BranchScore s = score(uniform2025("X", "8.5", ""));
        assertThat(s.base()).isEqualByComparingTo("85");
        assertThat(s.total()).isEqualByComparingTo("85");
        assertThat(s.tierBeforeCaps()).isEqualTo(TOT);
    }

    @Test
    void theVerifiedScoreCountsWhereOneWasGiven() {
        BranchScore s = score(uniform2025("X", "9", "A1.v=6 B2.v=9.5"));
        // 10 × 9 = 90, A1 9→6 (−3), B2 9→9.5 (+0.5) → 87.5
        assertThat(s.base()).isEqualByComparingTo("87.5");
        // inflation: (9−6) + (9−9.5) = 2.5
        assertThat(s.inflation()).isEqualByComparingTo("2.5");
    }

    @Test
    void bonusAndPenaltyAreCappedAndTheTotalNeverGoesBelowZero() {
        BranchScore capped = score(uniform2025("X", "5", "E1=3 E2=2 F1=5 F2=5"));
        assertThat(capped.bonus()).isEqualByComparingTo("5");
        assertThat(capped.penalty()).isEqualByComparingTo("10");
        assertThat(capped.total()).isEqualByComparingTo("45"); // 50 + 5 − 10

        BranchScore floor = score(submission("Y", "A1=1 F1=5 F2=5"));
        assertThat(floor.total()).isEqualByComparingTo("0"); // 1 − 10 clamps at 0
        assertThat(floor.tierBeforeCaps()).isEqualTo(KHT);
    }

    @Test
    void exactlyNinetyWithEveryGroupAtEightyPercentIsExcellent() {
        BranchScore s = score(uniform2025("X", "9", ""));
        assertThat(s.total()).isEqualByComparingTo("90");
        assertThat(s.tierBeforeCaps()).isEqualTo(XS);
        assertThat(s.explanation()).contains("tier XS: total ≥ 90, requirement holds");
    }

    @Test
    void eightyNineAndAHalfIsGood() {
        BranchScore s = score(uniform2025("X", "9", "D2.v=8.5"));
        assertThat(s.total()).isEqualByComparingTo("89.5");
        assertThat(s.tierBeforeCaps()).isEqualTo(TOT);
    }

    @Test
    void ninetyWithOneGroupBelowEightyPercentIsNotExcellent() {
        // A 30, B 20, C 10+10+4 = 24 (exactly 80%), D 8+8 = 16 (exactly 80%) → 90
        BranchScore atLimit = score(submission(
                "X",
                "A1=10 A2=10 A3=10 B1=10 B2=10 C1=10 C2=10 C3=4 D1=8 D2=8"
                        + " members_total=10 members_union=10 dues_remitted=true"));
        assertThat(atLimit.total()).isEqualByComparingTo("90");
        assertThat(atLimit.tierBeforeCaps())
                .as("C = 24/30 = 0.8 exactly still holds")
                .isEqualTo(XS);

        BranchScore below = score(submission(
                "X",
                "A1=10 A2=10 A3=10 B1=10 B2=10 C1=10 C2=10 C3=10 D1=8 D2=7.5"
                        + " E1=2.5 members_total=10 members_union=10 dues_remitted=true"));
        // base 30+20+30+15.5 = 95.5, bonus 2.5 → 98; but D = 15.5/20 = 77.5% < 80%
        assertThat(below.total()).isEqualByComparingTo("98");
        assertThat(below.tierBeforeCaps()).isEqualTo(TOT);
        assertThat(below.explanation()).contains("not XS: total ≥ 90 but its requirement does not hold");
    }

    @Test
    void tiersDownTheScale() {
        assertThat(score(uniform2025("X", "7", "")).tierBeforeCaps()).isEqualTo(TOT); // 70
        assertThat(score(uniform2025("X", "6.5", "")).tierBeforeCaps()).isEqualTo(HT); // 65
        assertThat(score(uniform2025("X", "5", "")).tierBeforeCaps()).isEqualTo(HT); // 50
        assertThat(score(uniform2025("X", "4.5", "")).tierBeforeCaps()).isEqualTo(KHT); // 45
    }

    @Test
    void aWorkStoppageCapsAnExcellentBranchAtComplete() {
        BranchScore s = score(uniform2025("X", "10", "work_stoppage=true"));
        assertThat(s.tierBeforeCaps()).isEqualTo(XS);
        assertThat(s.tierAfterCaps()).isEqualTo(HT);
        assertThat(s.capsFired()).containsExactly("work_stoppage");
        assertThat(s.explanation())
                .anyMatch(line -> line.startsWith(
                        "cap work_stoppage (Để xảy ra ngừng việc tập thể): tier at most HT, lowered from XS"));
    }

    @Test
    void capsOnlyLowerAndTheStrictestWins() {
        BranchScore s = score(uniform2025("X", "10", "executive_disciplined=true finance_violation=true"));
        assertThat(s.capsFired()).containsExactly("finance_violation", "executive_disciplined");
        assertThat(s.tierAfterCaps()).isEqualTo(HT);

        BranchScore weak = score(uniform2025("Y", "4", "executive_disciplined=true"));
        assertThat(weak.tierAfterCaps()).as("a cap never raises a tier").isEqualTo(KHT);
    }

    @Test
    void duesNotRemittedCapsAtGood() {
        BranchScore s = score(submission(
                "X",
                "A1=10 A2=10 A3=10 B1=10 B2=10 C1=10 C2=10 C3=10 D1=10 D2=10"
                        + " members_total=100 members_union=100 dues_remitted=false"));
        assertThat(s.capsFired()).containsExactly("dues_not_remitted");
        assertThat(s.tierAfterCaps()).isEqualTo(TOT);
    }

    @Test
    void aLowMembershipRateCapsAtGood() {
        BranchScore s = score(uniform2025("X", "10", "members_total=100 members_union=69"));
        assertThat(s.capsFired()).containsExactly("low_membership");
        BranchScore atLimit = score(uniform2025("X", "10", "members_total=100 members_union=70"));
        assertThat(atLimit.capsFired()).as("0.70 is not below 0.7").isEmpty();
    }

    @Test
    void aZeroDenominatorLeavesTheRatioUndefinedAndItsConditionFalse() {
        BranchScore s = score(submission(
                "X",
                "A1=10 A2=10 A3=10 B1=10 B2=10 C1=10 C2=10 C3=10 D1=10 D2=10"
                        + " members_total=0 members_union=0 dues_remitted=true"));
        assertThat(s.capsFired()).isEmpty();
        assertThat(s.tierAfterCaps()).isEqualTo(XS);
        assertThat(s.tieBreakKeys().get(2))
                .as("membership_rate tie-break undefined")
                .isNull();
        assertThat(s.explanation())
                .contains("derived membership_rate is undefined (members_total is 0): condition lt 0.7 taken as false");
    }

    @Test
    void aCriterionNotScoredCountsZeroAndIsExplained() {
        BranchScore s = score(submission("X", "A1=10 members_total=1 members_union=1 dues_remitted=true"));
        assertThat(s.base()).isEqualByComparingTo("10");
        assertThat(s.explanation())
                .contains("not scored, counted as 0: A2, A3, B1, B2, C1, C2, C3, D1, D2, E1, E2, F1, F2");
    }

    @Test
    void penaltyInflationCountsPointsAvoided() {
        // the branch declared 1 penalty point, the verifier found 3: it spared itself 2
        BranchScore s = score(uniform2025("X", "8", "F1=1 F1.v=3"));
        assertThat(s.penalty()).isEqualByComparingTo("3");
        assertThat(s.inflation()).isEqualByComparingTo("2");
    }

    @Test
    void tieBreakKeysFollowTheRuleSet() {
        BranchScore s = score(uniform2025("X", "8", "members_total=200 members_union=150"));
        assertThat(s.tieBreakKeys().get(0)).isEqualByComparingTo("24"); // group C
        assertThat(s.tieBreakKeys().get(1)).isEqualByComparingTo("150"); // members_union
        assertThat(s.tieBreakKeys().get(2)).isEqualByComparingTo("0.75");
    }

    @Test
    void anOlderRuleSetWithRequireAndCountQuotaScoresToo() {
        RuleSet old = Fixtures.rules2018();
        BranchScorer oldScorer = new BranchScorer(old);
        BranchScore strong = oldScorer.score(
                branch("X", "K"), submission("X", "T1a=15 T1b=14 T2a=19 T3a=14 T3b=14 T4a=18 members=40"));
        assertThat(strong.total()).isEqualByComparingTo("94");
        assertThat(old.tiers().get(strong.tierBeforeCaps()).id()).isEqualTo("VMXS");
        BranchScore withZero =
                oldScorer.score(branch("Y", "K"), submission("Y", "T1a=15 T1b=15 T2a=20 T3a=0 T3b=15 T4a=20"));
        assertThat(withZero.total()).isEqualByComparingTo("85");
        assertThat(withZero.explanation()).contains("not VMXS: total ≥ 85 but its requirement does not hold");
        assertThat(old.tiers().get(withZero.tierBeforeCaps()).id()).isEqualTo("VM");
        BranchScore strike = oldScorer.score(
                branch("Z", "K"), submission("Z", "T1a=15 T1b=15 T2a=20 T3a=15 T3b=15 T4a=20 strike=true"));
        assertThat(old.tiers().get(strike.tierAfterCaps()).id()).isEqualTo("TB");
    }

    @Test
    void conditionsOfASubmissionReadCountedScoresFactsAndDerivedValuesAsCapsDo() {
        RuleSet rules = Fixtures.rules2025();
        var holds = new BranchScorer(rules)
                .conditionsOf(
                        uniform2025("X", "9", "D1=10 D1.v=8 members_total=100 members_union=104 dues_remitted=false"));
        assertThat(holds.test(new Condition.Compare(Subject.DERIVED, "membership_rate", Op.GT, BigDecimal.ONE)))
                .as("104 members of 100 staff")
                .isTrue();
        assertThat(holds.test(new Condition.Compare(Subject.CRITERION, "D1", Op.EQ, BigDecimal.TEN)))
                .as("D1 counts its verified 8, not the self-assessed 10")
                .isFalse();
        assertThat(holds.test(new Condition.Compare(Subject.FACT, "dues_remitted", Op.EQ, false)))
                .isTrue();
    }
}
