package vn.unionreview.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import vn.unionreview.Fixtures;
import vn.unionreview.Seeded;
import vn.unionreview.ingest.WorkbookProperties;
import vn.unionreview.rules.FactChecks;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.scoring.BranchScorer;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;
import vn.unionreview.stats.PreviousYear;

/**
 * Seeded provinces of honest branches with one of each planted case: every planted case is found, on the branches it
 * was planted on, and no honest branch is flagged.
 */
class IntegrityScanTest {

    private static final RuleSet RULES = Fixtures.rules2025();
    private static final FactChecks CHECKS = RuleSetLoader.loadChecks(Path.of("config/rules/2025.yaml"), RULES);
    private static final List<String> GROUP_CRITERIA =
            List.of("A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "D1", "D2");
    private static final Instant TEMPLATE_MADE = Instant.parse("2025-11-20T07:00:00Z");

    /** A province being built: what each branch sent, and the signals each is expected to show. */
    private static final class Province {
        final Map<String, Submission> submissions = new LinkedHashMap<>();
        final Map<String, String> blocs = new HashMap<>();
        final Map<String, WorkbookProperties> forms = new HashMap<>();
        final Map<String, PreviousYear.Entry> lastYear = new HashMap<>();
        final Set<String> expected = new TreeSet<>();

        void add(String code, String bloc, Submission s) {
            submissions.put(code, s);
            blocs.put(code, bloc);
        }

        void expect(String code, SignalKind kind) {
            expected.add(code + " " + kind.id());
        }

        Set<String> found(IntegritySettings settings) {
            IntegrityScan scan = new IntegrityScan(
                    RULES,
                    settings,
                    CHECKS,
                    new PreviousYear(2024, lastYear, "2024/x/results.csv", Path.of("results.csv"), "0"));
            BranchScorer scorer = new BranchScorer(RULES);
            submissions.forEach((code, s) -> {
                var score = scorer.score(Fixtures.branch(code, blocs.get(code)), s);
                scan.accept(new IntegrityScan.Scanned(
                        code,
                        "Công đoàn " + code,
                        blocs.get(code),
                        s,
                        score.total(),
                        score.inflation(),
                        forms.get(code)));
            });
            Set<String> found = new TreeSet<>();
            scan.finish()
                    .forEach(signal ->
                            found.add(signal.code() + " " + signal.kind().id()));
            return found;
        }
    }

    /**
     * Self scores between 5 and 9 on each group criterion, small bonus and penalty, healthy facts; half verified a
     * little lower.
     */
    private static Submission honest(String code, Random random, List<Submission> others) {
        while (true) {
            Map<String, BigDecimal> self = new HashMap<>();
            Map<String, BigDecimal> verified = new HashMap<>();
            for (String c : GROUP_CRITERIA) {
                self.put(c, half(10 + random.nextInt(9)));
            }
            self.put("E1", half(random.nextInt(3)));
            self.put("E2", half(random.nextInt(2)));
            self.put("F1", BigDecimal.ZERO);
            self.put("F2", half(random.nextInt(2)));
            if (random.nextBoolean()) {
                String c = GROUP_CRITERIA.get(random.nextInt(GROUP_CRITERIA.size()));
                verified.put(c, self.get(c).subtract(half(1 + random.nextInt(2))));
            }
            Submission s = new Submission(
                    code,
                    self,
                    verified,
                    Map.of(
                            "members_total",
                            FactValue.of(BigDecimal.valueOf(100)),
                            "members_union",
                            FactValue.of(BigDecimal.valueOf(80 + random.nextInt(21))),
                            "dues_remitted",
                            FactValue.of(true)));
            // honest branches do not come close to one another by chance: a draw within 6 points of another is drawn
            // again, so that a planted change of up to 5 points to one of them leaves it more than a point from the
            // rest
            if (others.stream().noneMatch(o -> distance(o, s) <= 12)) {
                return s;
            }
        }
    }

    private static int distance(Submission a, Submission b) {
        return a.self().keySet().stream()
                .mapToInt(c -> a.self()
                        .get(c)
                        .subtract(b.self().get(c))
                        .abs()
                        .multiply(BigDecimal.valueOf(2))
                        .intValue())
                .sum();
    }

    private static BigDecimal half(int halves) {
        return BigDecimal.valueOf(halves).divide(BigDecimal.valueOf(2));
    }

    private static Submission with(
            Submission s,
            String code,
            Map<String, BigDecimal> self,
            Map<String, BigDecimal> verified,
            Map<String, FactValue> facts) {
        Map<String, BigDecimal> newSelf = new HashMap<>(s.self());
        newSelf.putAll(self);
        Map<String, BigDecimal> newVerified = new HashMap<>(s.verified());
        newVerified.putAll(verified);
        Map<String, FactValue> newFacts = new HashMap<>(s.facts());
        newFacts.putAll(facts);
        return new Submission(code, newSelf, newVerified, newFacts);
    }

    @Test
    void everyPlantedCaseIsFoundOnItsBranchesAndNoHonestBranchIsFlagged() {
        Seeded.forAll(
                30,
                random -> {
                    Province p = new Province();
                    List<Submission> honest = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        String code = String.format("B-%03d", i);
                        Submission s = honest(code, random, honest);
                        honest.add(s);
                        p.add(code, i % 2 == 0 ? "Khối 1" : "Khối 2", s);
                        p.lastYear.put(
                                code,
                                new PreviousYear.Entry(
                                        p.blocs.get(code), "XS", 90 + random.nextInt(10))); // no rise: no jump
                    }
                    // a copied form (to another bloc: identical scores are looked for everywhere) and a near copy in
                    // the same bloc
                    p.add(
                            "COPY",
                            "Khối 2",
                            new Submission(
                                    "COPY",
                                    honest.get(0).self(),
                                    Map.of(),
                                    honest.get(0).facts()));
                    p.expect("COPY", SignalKind.IDENTICAL_SCORES);
                    p.expect("B-000", SignalKind.IDENTICAL_SCORES);
                    Submission near = honest.get(2);
                    BigDecimal a1 = near.self().get("A1");
                    p.add(
                            "NEAR",
                            "Khối 1",
                            with(
                                    near,
                                    "NEAR",
                                    Map.of(
                                            "A1",
                                            a1.add(new BigDecimal(a1.compareTo(BigDecimal.TEN) < 0 ? "0.5" : "-0.5"))),
                                    Map.of(),
                                    Map.of()));
                    p.expect("NEAR", SignalKind.NEAR_IDENTICAL_SCORES);
                    p.expect("B-002", SignalKind.NEAR_IDENTICAL_SCORES);
                    // every maximum, twice: both all-maximum, neither taken for a copy of the other
                    for (String code : List.of("MAX-1", "MAX-2")) {
                        p.add(code, "Khối 1", Fixtures.uniform2025(code, "10", ""));
                        p.expect(code, SignalKind.ALL_MAXIMUM);
                    }
                    // verification lowered one branch far more than anyone else
                    Submission out = honest.get(4);
                    Map<String, BigDecimal> lowered = new HashMap<>();
                    GROUP_CRITERIA
                            .subList(0, 5)
                            .forEach(c -> lowered.put(c, out.self().get(c).subtract(new BigDecimal("3"))));
                    p.add("B-004", "Khối 1", with(out, "B-004", Map.of(), lowered, Map.of()));
                    p.expect("B-004", SignalKind.INFLATION_OUTLIER);
                    // facts that cannot both hold: more members than staff; dues not remitted with full marks on D1
                    p.add(
                            "B-006",
                            "Khối 1",
                            with(
                                    honest.get(6),
                                    "B-006",
                                    Map.of(),
                                    Map.of(),
                                    Map.of("members_union", FactValue.of(BigDecimal.valueOf(120)))));
                    p.expect("B-006", SignalKind.FACT_CONFLICT);
                    Submission dues = with(
                            honest.get(8),
                            "B-008",
                            Map.of("D1", BigDecimal.TEN),
                            Map.of(),
                            Map.of("dues_remitted", FactValue.of(false)));
                    Map<String, BigDecimal> notD1 = new HashMap<>(dues.verified());
                    notD1.remove("D1"); // full marks counted: a verified D1 would be what counts
                    p.add("B-008", "Khối 1", new Submission("B-008", dues.self(), notD1, dues.facts()));
                    p.expect("B-008", SignalKind.FACT_CONFLICT);
                    // two forms saved by one person from one template; a generic author and unnamed forms share nothing
                    p.forms.put(
                            "B-010",
                            new WorkbookProperties(
                                    Instant.parse("2025-12-01T08:00:00Z"),
                                    "union-review",
                                    "Lê Văn Tám",
                                    TEMPLATE_MADE));
                    p.forms.put(
                            "B-011",
                            new WorkbookProperties(
                                    Instant.parse("2025-12-03T08:00:00Z"),
                                    "union-review",
                                    "Lê Văn Tám",
                                    TEMPLATE_MADE));
                    p.forms.put(
                            "B-012",
                            new WorkbookProperties(
                                    Instant.parse("2025-12-03T08:00:00Z"),
                                    "union-review",
                                    "Administrator",
                                    TEMPLATE_MADE));
                    p.forms.put(
                            "B-013",
                            new WorkbookProperties(
                                    Instant.parse("2025-12-03T08:00:00Z"),
                                    "union-review",
                                    "administrator",
                                    TEMPLATE_MADE));
                    p.forms.put("B-014", new WorkbookProperties(null, "union-review", null, TEMPLATE_MADE));
                    p.forms.put("B-015", new WorkbookProperties(null, "union-review", null, TEMPLATE_MADE));
                    p.forms.put(
                            "B-016",
                            new WorkbookProperties(
                                    null, "Lê Văn Tám", "Lê Văn Tám", Instant.parse("2025-12-02T08:00:00Z")));
                    p.expect("B-010", SignalKind.SAME_FORM_AUTHOR);
                    p.expect("B-011", SignalKind.SAME_FORM_AUTHOR);
                    // last year's total far below this year's
                    p.lastYear.put("B-020", new PreviousYear.Entry("Khối 1", "HT", 30));
                    p.expect("B-020", SignalKind.JUMP_FROM_LAST_YEAR);
                    return p;
                },
                p -> assertThat(p.found(IntegritySettings.DEFAULTS)).isEqualTo(p.expected));
    }

    @Test
    void nearIdenticalAtZeroPointsLooksForExactCopiesOnly() {
        Province p = new Province();
        p.add("A", "K", Fixtures.uniform2025("A", "7", ""));
        p.add("B", "K", Fixtures.uniform2025("B", "7", ""));
        p.add("C", "K", Fixtures.uniform2025("C", "7", "A1=7.5"));
        assertThat(p.found(IntegritySettings.DEFAULTS))
                .containsExactly(
                        "A identical_scores",
                        "A near_identical_scores",
                        "B identical_scores",
                        "B near_identical_scores",
                        "C near_identical_scores");
        assertThat(p.found(new IntegritySettings(true, BigDecimal.ZERO, null, null, null, null)))
                .containsExactly("A identical_scores", "B identical_scores");
    }

    @Test
    void aBlocWithFewVerifiedBranchesIsComparedWithTheProvinceAndNoVerificationMeansNoOutlier() {
        Province p = new Province();
        for (int i = 0; i < 8; i++) { // the province's verified branches: each 0.5 or 1 point above verification
            p.add(
                    "P" + i,
                    "Big",
                    Fixtures.uniform2025(
                            "P" + i,
                            "8",
                            "A" + (1 + i % 3) + "=8 A" + (1 + i % 3) + ".v=" + (i % 2 == 0 ? "7.5" : "7") + " B1="
                                    + (2 + i)));
        }
        p.add("SMALL", "Small", Fixtures.uniform2025("SMALL", "9", "A1.v=6 A2.v=6 A3.v=7 B1=6"));
        p.add("UNVERIFIED", "Small", Fixtures.uniform2025("UNVERIFIED", "9.5", "B1=4"));
        // (near-identical looked for not at all: the province's branches are made a point apart)
        assertThat(p.found(new IntegritySettings(true, BigDecimal.ZERO, null, null, null, null)))
                .containsExactly("SMALL inflation_outlier");
    }

    @Test
    void settingsRoundTripThroughTheManifestAndTheJobParameter() {
        IntegritySettings custom = new IntegritySettings(
                true,
                new BigDecimal("1.5"),
                new BigDecimal("4"),
                new BigDecimal("6"),
                new BigDecimal("15"),
                List.of("Admin", "Người dùng"));
        assertThat(IntegritySettings.of(custom.describe())).isEqualTo(custom);
        assertThat(IntegritySettings.ofLine(custom.line())).isEqualTo(custom);
        assertThat(IntegritySettings.DEFAULTS.describe())
                .containsEntry("near-identical-points", "1")
                .containsEntry("jump-points", "20");
    }

    @Test
    void aBranchUnderANewCodeJumpsFromItsPredecessorsLastYearAMergedOneFromNone() {
        Map<String, PreviousYear.Entry> lastYear = Map.of(
                "OLD", new PreviousYear.Entry("K1", "HT", 30),
                "M1", new PreviousYear.Entry("K1", "HT", 30),
                "M2", new PreviousYear.Entry("K1", "HT", 30));
        IntegrityScan scan = new IntegrityScan(
                RULES,
                IntegritySettings.DEFAULTS,
                CHECKS,
                new PreviousYear(2024, lastYear, "2024/x/results.csv", Path.of("results.csv"), "0"),
                Map.of("MOVED", List.of("OLD"), "MERGED", List.of("M1", "M2")));
        BranchScorer scorer = new BranchScorer(RULES);
        for (String code : List.of("MOVED", "MERGED")) {
            Submission s = Fixtures.uniform2025(code, "9", "");
            var score = scorer.score(Fixtures.branch(code, "K1"), s);
            scan.accept(new IntegrityScan.Scanned(
                    code, "Công đoàn " + code, "K1", s, score.total(), score.inflation(), null));
        }
        assertThat(scan.finish())
                .filteredOn(signal -> signal.kind() == SignalKind.JUMP_FROM_LAST_YEAR)
                .extracting(Signal::code)
                .containsExactly("MOVED");
    }
}
