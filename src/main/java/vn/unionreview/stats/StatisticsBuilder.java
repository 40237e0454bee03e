package vn.unionreview.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import vn.unionreview.VietnameseText;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.CriterionKind;
import vn.unionreview.rules.Group;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Tier;
import vn.unionreview.scoring.BranchScorer;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Text;

/**
 * Accumulates statistics one scored branch at a time (memory grows by a few numbers per branch, not by its cells), then
 * builds {@link YearStatistics}. Descriptive figures use doubles: scores are multiples of the step, so their sums are
 * exact in binary anyway. The values of a criterion or group are kept as a histogram: scores lie on the rule set's step
 * grid, so there are a few dozen distinct values however many branches there are, and the median stays exact.
 */
public final class StatisticsBuilder {

    /** What the statistics need of a branch's result. */
    public record Scored(
            String code,
            String name,
            String bloc,
            BigDecimal total,
            String tier,
            boolean capped,
            boolean demoted,
            BigDecimal inflation) {}

    private final RuleSet rules;
    private final List<Criterion> criteria;
    private final Map<String, Histogram> criterionValues = new LinkedHashMap<>();
    private final Map<String, Histogram> groupValues = new LinkedHashMap<>();
    private final Map<String, BlocAccumulator> blocs = new TreeMap<>(VietnameseText.order());
    private final Map<String, Integer> tierCounts = new LinkedHashMap<>();
    private final List<InflationEntry> inflation = new ArrayList<>();
    private final List<SelfVerifiedPoint> selfVsVerified = new ArrayList<>();
    private final Map<String, String> tierByCode = new LinkedHashMap<>();
    private final Map<String, String> nameByCode = new LinkedHashMap<>();
    private long membersUnion;
    private long membersTotal;
    private int branches;
    private int capped;
    private int demoted;

    public StatisticsBuilder(RuleSet rules) {
        this.rules = rules;
        this.criteria = rules.criteria();
        criteria.forEach(c -> criterionValues.put(c.id(), new Histogram()));
        rules.groups().forEach(g -> groupValues.put(g.id(), new Histogram()));
        rules.tiers().forEach(t -> tierCounts.put(t.id(), 0));
    }

    public void accept(Scored result, Submission submission) {
        branches++;
        Map<String, BigDecimal> counted = BranchScorer.countedScores(criteria, submission);
        for (Criterion c : criteria) {
            criterionValues.get(c.id()).add(counted.get(c.id()).doubleValue());
        }
        BigDecimal selfBase = BigDecimal.ZERO;
        BigDecimal countedBase = BigDecimal.ZERO;
        for (Group g : rules.groups()) {
            double sum = 0;
            for (Criterion c : g.criteria()) {
                sum += counted.get(c.id()).doubleValue();
                countedBase = countedBase.add(counted.get(c.id()));
                selfBase = selfBase.add(submission.self().getOrDefault(c.id(), BigDecimal.ZERO));
            }
            groupValues.get(g.id()).add(sum);
        }
        boolean verified = criteria.stream()
                .filter(c -> c.kind() != CriterionKind.PENALTY)
                .anyMatch(c -> submission.verified().containsKey(c.id()));
        if (verified) {
            selfVsVerified.add(new SelfVerifiedPoint(result.code(), selfBase, countedBase));
        }
        long union = wholeFact(submission, "members_union");
        membersUnion += union;
        membersTotal += wholeFact(submission, "members_total");
        count(result, union);
    }

    /**
     * A province's branch whose result a unit published: counted in tiers, blocs, caps, quotas and inflation as the
     * unit decided them; its criteria and members, in the unit's submissions, are not the province's to count.
     */
    public void acceptFromUnit(Scored result) {
        branches++;
        count(result, 0);
    }

    private void count(Scored result, long union) {
        if (result.inflation().signum() > 0) {
            inflation.add(new InflationEntry(result.code(), result.name(), result.bloc(), result.inflation()));
        }
        tierCounts.merge(result.tier(), 1, Integer::sum);
        blocs.computeIfAbsent(result.bloc(), b -> new BlocAccumulator()).add(result, union);
        tierByCode.put(result.code(), result.tier());
        nameByCode.put(result.code(), result.name());
        capped += result.capped() ? 1 : 0;
        demoted += result.demoted() ? 1 : 0;
    }

    /** Member counts come from the facts the rule set declares; a year without them counts 0. */
    private static long wholeFact(Submission s, String id) {
        return s.facts().get(id) instanceof FactValue.Amount a ? a.value().longValue() : 0;
    }

    public YearStatistics build(List<PreviousYear> earlier) {
        return build(earlier, Map.of());
    }

    /**
     * The year's statistics; year over year, a branch whose code the last earlier year does not know is compared
     * through {@code lineage} (code → the codes it continues, from the registry's predecessors).
     */
    public YearStatistics build(List<PreviousYear> earlier, Map<String, List<String>> lineage) {
        List<TierCount> tiers = rules.tiers().stream()
                .map(t -> count(t.id(), tierCounts.get(t.id()), branches))
                .toList();
        List<BlocSummary> blocSummaries = new ArrayList<>();
        blocs.forEach((bloc, acc) -> blocSummaries.add(acc.summary(bloc, rules)));
        List<Describe> groupStats = rules.groups().stream()
                .map(g -> describe(g.id(), g.title(), g.max().doubleValue(), groupValues.get(g.id())))
                .toList();
        List<Describe> criterionStats = criteria.stream()
                .map(c -> describe(c.id(), c.title(), c.max().doubleValue(), criterionValues.get(c.id())))
                .toList();
        List<InflationEntry> largest = inflation.stream()
                .sorted(Comparator.comparing(InflationEntry::inflation)
                        .reversed()
                        .thenComparing(InflationEntry::code))
                .limit(10)
                .toList();
        return new YearStatistics(
                branches,
                tiers,
                blocSummaries,
                groupStats,
                criterionStats,
                membersUnion,
                membersTotal,
                selfVsVerified.size(),
                largest,
                List.copyOf(selfVsVerified),
                capped,
                demoted,
                yearOverYear(earlier, lineage));
    }

    private Optional<YearOverYear> yearOverYear(List<PreviousYear> earlier, Map<String, List<String>> lineage) {
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        List<PreviousYear> byYear = earlier.stream()
                .sorted(Comparator.comparingInt(PreviousYear::year))
                .toList();
        PreviousYear last = byYear.get(byYear.size() - 1);
        List<Movement> movements = new ArrayList<>();
        Map<Movement.Direction, Integer> counts = new EnumMap<>(Movement.Direction.class);
        for (Map.Entry<String, String> e : tierByCode.entrySet()) {
            // a merged branch shows each predecessor's past tier, and moves against the best of them
            List<String> pastTiers = last.pastOf(e.getKey(), lineage.getOrDefault(e.getKey(), List.of())).stream()
                    .map(PreviousYear.Entry::tier)
                    .toList();
            Movement.Direction direction = direction(bestOf(pastTiers), e.getValue());
            movements.add(new Movement(
                    e.getKey(), nameByCode.get(e.getKey()), String.join("; ", pastTiers), e.getValue(), direction));
            counts.merge(direction, 1, Integer::sum);
        }
        List<Integer> years =
                new ArrayList<>(byYear.stream().map(PreviousYear::year).toList());
        years.add(rules.year());
        Map<String, List<Double>> trend = new TreeMap<>(VietnameseText.order());
        for (String bloc : blocs.keySet()) {
            List<Double> means = new ArrayList<>();
            for (PreviousYear p : byYear) {
                means.add(p.branches().values().stream()
                        .filter(b -> b.bloc().equals(bloc))
                        .mapToDouble(PreviousYear.Entry::total)
                        .average()
                        .orElse(Double.NaN));
            }
            means.add(blocs.get(bloc).meanTotal());
            trend.put(bloc, means);
        }
        return Optional.of(new YearOverYear(
                last.year(),
                movements,
                counts,
                years,
                trend,
                byYear.stream().map(PreviousYear::source).toList()));
    }

    /** The best of these tiers by this year's order (one this year does not have counts as worst); null for none. */
    private String bestOf(List<String> tiers) {
        List<String> ids = rules.tiers().stream().map(Tier::id).toList();
        return tiers.stream()
                .min(Comparator.comparingInt(t -> ids.contains(t) ? ids.indexOf(t) : Integer.MAX_VALUE))
                .orElse(null);
    }

    private Movement.Direction direction(String before, String now) {
        if (before == null) {
            return Movement.Direction.NEW;
        }
        List<String> ids = rules.tiers().stream().map(Tier::id).toList();
        if (!ids.contains(before)) {
            return Movement.Direction.NOT_COMPARABLE;
        }
        int change = Integer.compare(ids.indexOf(before), ids.indexOf(now)); // lower index = better tier
        return change > 0 ? Movement.Direction.UP : change < 0 ? Movement.Direction.DOWN : Movement.Direction.SAME;
    }

    private static TierCount count(String tier, int count, int of) {
        return new TierCount(tier, count, of == 0 ? 0 : (double) count / of);
    }

    static Describe describe(String id, Text title, double max, Histogram values) {
        int n = values.size();
        if (n == 0) {
            return new Describe(id, title, max, 0, 0, 0, 0, 0, 0);
        }
        // every sum runs over the values in ascending order, each as often as it was seen: the same
        // additions, in the same order, as over the sorted list of all values
        double sum = 0;
        for (Map.Entry<Double, Integer> bin : values.bins()) {
            for (int i = 0; i < bin.getValue(); i++) {
                sum += bin.getKey();
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (Map.Entry<Double, Integer> bin : values.bins()) {
            double d = bin.getKey() - mean;
            for (int i = 0; i < bin.getValue(); i++) {
                squares += d * d;
            }
        }
        double median = n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0; // sample standard deviation
        return new Describe(id, title, max, n, mean, median, values.at(0), values.at(n - 1), sd);
    }

    /**
     * The values seen, each with how often: a sorted list of doubles (in {@link Double#compare} order, as
     * {@link Arrays#sort(double[])} sorts) kept in the space of its distinct values.
     */
    static final class Histogram {
        private final TreeMap<Double, Integer> counts = new TreeMap<>();
        private int size;

        void add(double v) {
            counts.merge(v, 1, Integer::sum);
            size++;
        }

        int size() {
            return size;
        }

        Iterable<Map.Entry<Double, Integer>> bins() {
            return counts.entrySet();
        }

        /** The value at {@code index} of the sorted list. */
        double at(int index) {
            int seen = 0;
            for (Map.Entry<Double, Integer> bin : counts.entrySet()) {
                seen += bin.getValue();
                if (index < seen) {
                    return bin.getKey();
                }
            }
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
    }

    private static final class BlocAccumulator {
        private final Map<String, Integer> tiers = new LinkedHashMap<>();
        private int branches;
        private double total;
        private double inflation;
        private long members;

        void add(Scored result, long union) {
            branches++;
            total += result.total().doubleValue();
            inflation += result.inflation().doubleValue();
            members += union;
            tiers.merge(result.tier(), 1, Integer::sum);
        }

        double meanTotal() {
            return branches == 0 ? 0 : total / branches;
        }

        BlocSummary summary(String bloc, RuleSet rules) {
            List<TierCount> counts = rules.tiers().stream()
                    .map(t -> count(t.id(), tiers.getOrDefault(t.id(), 0), branches))
                    .toList();
            return new BlocSummary(
                    bloc, branches, counts, meanTotal(), inflation, branches == 0 ? 0 : inflation / branches, members);
        }
    }
}
