package vn.unionreview.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.rules.RuleSet;

class StatisticsBuilderTest {

    private final RuleSet rules = Fixtures.rules2025();

    private static StatisticsBuilder.Scored scored(
            String code, String bloc, String total, String tier, String inflation) {
        return new StatisticsBuilder.Scored(
                code, "Công đoàn " + code, bloc, new BigDecimal(total), tier, false, false, new BigDecimal(inflation));
    }

    private YearStatistics threeBranches(List<PreviousYear> earlier) {
        StatisticsBuilder b = new StatisticsBuilder(rules);
        // A1 counted 6, 8 (verified over 9), 10 → mean 8, median 8, sd 2
        b.accept(
                scored("a", "K1", "60", "HT", "0"), Fixtures.uniform2025("a", "6", "members_total=10 members_union=9"));
        b.accept(
                scored("b", "K1", "80", "TOT", "1"),
                Fixtures.uniform2025("b", "8", "A1=9 A1.v=8 members_total=20 members_union=20"));
        b.accept(
                scored("c", "K2", "100", "XS", "0"),
                Fixtures.uniform2025("c", "10", "members_total=30 members_union=25"));
        return b.build(earlier);
    }

    @Test
    void describesEachCriterionAndGroup() {
        YearStatistics s = threeBranches(List.of());
        Describe a1 = s.criteria().get(0);
        assertThat(a1.id()).isEqualTo("A1");
        assertThat(a1.n()).isEqualTo(3);
        assertThat(a1.mean()).isEqualTo(8.0);
        assertThat(a1.median()).isEqualTo(8.0);
        assertThat(a1.min()).isEqualTo(6.0);
        assertThat(a1.maxValue()).isEqualTo(10.0);
        assertThat(a1.standardDeviation()).isCloseTo(2.0, within(1e-9));
        assertThat(a1.meanShare()).isEqualTo(0.8);
        Describe groupA = s.groups().get(0);
        assertThat(groupA.mean()).isEqualTo(24.0); // 18, 24, 30
        assertThat(groupA.max()).isEqualTo(30.0);
    }

    /**
     * The histogram gives, bit for bit, the figures a sorted list of every value gives (the way they were computed
     * before): on a step that is not a power of two, where the order of additions matters.
     */
    @Test
    void aHistogramDescribesValuesExactlyAsTheirSortedListDoes() {
        Random random = new Random(12);
        for (int n : new int[] {1, 2, 3, 10, 1001, 20000}) {
            StatisticsBuilder.Histogram histogram = new StatisticsBuilder.Histogram();
            double[] all = new double[n];
            for (int i = 0; i < n; i++) {
                // a score on a step of 0.1 between 0 and 10, as the rule set's scores lie on its step grid
                all[i] = new BigDecimal(random.nextInt(101))
                        .multiply(new BigDecimal("0.1"))
                        .doubleValue();
                histogram.add(all[i]);
            }
            assertThat(StatisticsBuilder.describe("X", null, 10, histogram))
                    .as("n = %d", n)
                    .isEqualTo(describedAsSortedList(all));
        }
        assertThat(StatisticsBuilder.describe("X", null, 10, new StatisticsBuilder.Histogram())
                        .n())
                .isZero();
    }

    /**
     * The figures from every value in a sorted array, summed in that order: what the statistics computed before
     * histograms.
     */
    private static Describe describedAsSortedList(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Describe(
                "X", null, 10, n, mean, median, sorted[0], sorted[n - 1], n > 1 ? Math.sqrt(squares / (n - 1)) : 0);
    }

    @Test
    void countsTiersBlocsMembersAndSelfVersusVerified() {
        YearStatistics s = threeBranches(List.of());
        assertThat(s.tiers())
                .extracting(TierCount::tier, TierCount::count)
                .containsExactly(
                        Tuple.tuple("XS", 1), Tuple.tuple("TOT", 1), Tuple.tuple("HT", 1), Tuple.tuple("KHT", 0));
        assertThat(s.tiers().get(0).share()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.blocs()).extracting(BlocSummary::bloc).containsExactly("K1", "K2");
        assertThat(s.blocs().get(0).meanTotal()).isEqualTo(70.0);
        assertThat(s.membersUnion()).isEqualTo(54);
        assertThat(s.membersTotal()).isEqualTo(60);
        assertThat(s.verifiedBranches()).isEqualTo(1);
        assertThat(s.selfVsVerified()).singleElement().satisfies(p -> {
            assertThat(p.selfBase()).isEqualByComparingTo("81"); // 9 + 9×8
            assertThat(p.countedBase()).isEqualByComparingTo("80");
        });
        assertThat(s.largestInflation()).extracting(InflationEntry::code).containsExactly("b");
    }

    @Test
    void comparesWithEarlierYears() {
        PreviousYear y2023 = new PreviousYear(
                2023, Map.of("a", new PreviousYear.Entry("K1", "TOT", 70)), "2023/x/results.csv", null, "aa");
        PreviousYear y2024 = new PreviousYear(
                2024,
                Map.of(
                        "a", new PreviousYear.Entry("K1", "TOT", 75),
                        "b", new PreviousYear.Entry("K1", "TOT", 79),
                        "c", new PreviousYear.Entry("K2", "VM", 90)),
                "2024/y/results.csv",
                null,
                "bb");
        YearOverYear yoy = threeBranches(List.of(y2024, y2023)).yearOverYear().orElseThrow();
        assertThat(yoy.previousYear()).isEqualTo(2024);
        assertThat(yoy.movements())
                .extracting(Movement::code, Movement::direction)
                .containsExactly(
                        Tuple.tuple("a", Movement.Direction.DOWN),
                        Tuple.tuple("b", Movement.Direction.SAME),
                        Tuple.tuple("c", Movement.Direction.NOT_COMPARABLE));
        assertThat(yoy.years()).containsExactly(2023, 2024, 2025);
        assertThat(yoy.blocMeanByYear().get("K1")).containsExactly(70.0, 77.0, 70.0);
        assertThat(yoy.sources()).containsExactly("2023/x/results.csv SHA-256 aa", "2024/y/results.csv SHA-256 bb");
    }

    @Test
    void aBranchUnderANewCodeIsComparedThroughTheBranchesItContinues() {
        // a moved under a new code (was OLD-A); b formed by merging M1 and M2; c split from a branch the year knows
        // under its own code too; nothing known of the fourth code
        PreviousYear y2024 = new PreviousYear(
                2024,
                Map.of(
                        "OLD-A", new PreviousYear.Entry("K1", "XS", 95),
                        "M1", new PreviousYear.Entry("K1", "HT", 60),
                        "M2", new PreviousYear.Entry("K1", "TOT", 82),
                        "c", new PreviousYear.Entry("K2", "TOT", 85)),
                "2024/y/results.csv",
                null,
                "bb");
        Map<String, List<String>> lineage = Map.of("a", List.of("OLD-A"), "b", List.of("M1", "M2"), "c", List.of("X"));
        StatisticsBuilder builder = new StatisticsBuilder(rules);
        builder.accept(scored("a", "K1", "60", "HT", "0"), Fixtures.uniform2025("a", "6", ""));
        builder.accept(scored("b", "K1", "80", "TOT", "0"), Fixtures.uniform2025("b", "8", ""));
        builder.accept(scored("c", "K2", "100", "XS", "0"), Fixtures.uniform2025("c", "10", ""));
        builder.accept(scored("d", "K2", "100", "XS", "0"), Fixtures.uniform2025("d", "10", ""));
        YearOverYear yoy = builder.build(List.of(y2024), lineage).yearOverYear().orElseThrow();
        assertThat(yoy.movements())
                .extracting(Movement::code, Movement::previousTier, Movement::direction)
                .containsExactly(
                        Tuple.tuple("a", "XS", Movement.Direction.DOWN),
                        // each predecessor's past tier shown; the move is against the best of them
                        Tuple.tuple("b", "HT; TOT", Movement.Direction.SAME),
                        // its own code comes first
                        Tuple.tuple("c", "TOT", Movement.Direction.UP),
                        Tuple.tuple("d", "", Movement.Direction.NEW));
    }
}
