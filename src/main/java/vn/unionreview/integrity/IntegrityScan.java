package vn.unionreview.integrity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import vn.unionreview.VietnameseText;
import vn.unionreview.ingest.WorkbookProperties;
import vn.unionreview.rules.Condition;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.FactCheck;
import vn.unionreview.rules.FactChecks;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Subject;
import vn.unionreview.scoring.BranchScorer;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;
import vn.unionreview.stats.PreviousYear;
import vn.unionreview.text.Message;
import vn.unionreview.text.Text;

/**
 * Looks for the integrity signals while the scored branches stream past once, keeping per branch only its self scores
 * as small integers (in steps of the rule set) and what the comparisons need; the comparisons between branches are made
 * at the end. Pure: no I/O, and nothing it finds changes a result.
 *
 * <p>Branches whose self scores on the groups' criteria are within {@code near-identical-points} of the maximum are
 * left out of the identical and near-identical comparisons: near the ceiling many branches agree without copying anyone
 * (all-maximum forms have a signal of their own). A blank criterion is a value of its own for "identical", and counts 0
 * in a distance, as in the total.
 */
public final class IntegrityScan {

    /** One scored branch as the scan sees it; {@code form} is null for a consolidated-table row. */
    public record Scanned(
            String code,
            String name,
            String bloc,
            Submission submission,
            BigDecimal total,
            BigDecimal inflation,
            WorkbookProperties form) {}

    /** Fewer verified branches than this in a bloc and its inflation is compared with the whole province's. */
    static final int MIN_BLOC_SAMPLE = 5;
    /** Scales the median absolute deviation to a standard deviation's size for normal data (Iglewicz and Hoaglin). */
    private static final BigDecimal Z_SCALE = new BigDecimal("0.6745");
    /** At most this many other branches are named in one signal; the rest are counted. */
    static final int NAMED = 5;

    private static final int BLANK = Integer.MIN_VALUE;

    private final RuleSet rules;
    private final IntegritySettings settings;
    private final FactChecks checks;
    private final PreviousYear lastYear;
    private final Map<String, List<String>> lineage;
    private final BranchScorer scorer;
    private final List<Criterion> criteria;
    /** Where each group criterion stands in {@link #criteria}, and its maximum in steps. */
    private final int[] groupIndex;

    private final int[] groupMax;
    private final int nearSteps;
    private final int ceiling;

    /** The branches compared for copies: those with something self-assessed, not near the ceiling. */
    private final List<Branch> compared = new ArrayList<>();

    private final List<Signal> signals = new ArrayList<>();
    private final Map<String, List<Branch>> verifiedByBloc = new TreeMap<>();
    private final Map<String, List<Branch>> byAuthor = new LinkedHashMap<>();

    /**
     * What is kept of one branch until the end; {@code self} (in steps) is null for a branch not compared for copies.
     */
    private record Branch(
            String code, String name, String bloc, int[] self, int sum, BigDecimal inflation, String author) {}

    /** @param lastYear the results of the year before, or null when there is no earlier run to compare with */
    public IntegrityScan(RuleSet rules, IntegritySettings settings, FactChecks checks, PreviousYear lastYear) {
        this(rules, settings, checks, lastYear, Map.of());
    }

    /**
     * With {@code lineage} (code → the codes it continues): a branch moved under a new code, or split from another, is
     * compared with its predecessor's last year; a merged one, with no single past, is not.
     */
    public IntegrityScan(
            RuleSet rules,
            IntegritySettings settings,
            FactChecks checks,
            PreviousYear lastYear,
            Map<String, List<String>> lineage) {
        this.rules = rules;
        this.settings = settings;
        this.checks = checks;
        this.lastYear = lastYear;
        this.lineage = Map.copyOf(lineage);
        this.scorer = new BranchScorer(rules);
        this.criteria = rules.criteria();
        List<Criterion> inGroups =
                rules.groups().stream().flatMap(g -> g.criteria().stream()).toList();
        this.groupIndex = inGroups.stream().mapToInt(criteria::indexOf).toArray();
        this.groupMax = inGroups.stream().mapToInt(c -> steps(c.max())).toArray();
        this.nearSteps = steps(settings.nearIdenticalPoints());
        this.ceiling = Arrays.stream(groupMax).sum();
    }

    public void accept(Scanned s) {
        Submission sub = s.submission();
        int[] self = new int[criteria.size()];
        for (int i = 0; i < criteria.size(); i++) {
            BigDecimal v = sub.self().get(criteria.get(i).id());
            self[i] = v == null ? BLANK : steps(v);
        }
        boolean allMaximum = groupIndex.length > 0;
        boolean assessed = false;
        int groupSum = 0;
        for (int k = 0; k < groupIndex.length; k++) {
            int v = self[groupIndex[k]];
            allMaximum &= v != BLANK && v >= groupMax[k];
            assessed |= v != BLANK;
            groupSum += counted(v);
        }
        String author = author(s.form());
        // nothing self-assessed is nothing copied; near the ceiling, agreement proves nothing
        boolean comparable = assessed && ceiling - groupSum > nearSteps;
        Branch b = new Branch(
                s.code(),
                s.name(),
                s.bloc(),
                comparable ? self : null,
                Arrays.stream(self).map(IntegrityScan::counted).sum(),
                s.inflation(),
                author);
        if (comparable) {
            compared.add(b);
        }
        if (allMaximum) {
            String groups =
                    String.join(", ", rules.groups().stream().map(g -> g.id()).toList());
            Message said =
                    Message.of("signal.all_maximum", "criteria", String.valueOf(groupIndex.length), "groups", groups);
            signals.add(new Signal(
                    s.code(),
                    s.name(),
                    s.bloc(),
                    SignalKind.ALL_MAXIMUM,
                    said,
                    new Signal.Letter(Message.of("signal.all_maximum_letter"), Message.of("signal.evidence_asked"))));
        }
        if (!sub.verified().isEmpty()) {
            verifiedByBloc.computeIfAbsent(s.bloc(), k -> new ArrayList<>()).add(b);
        }
        if (author != null) {
            byAuthor.computeIfAbsent(author, k -> new ArrayList<>()).add(b);
        }
        Predicate<Condition> holds = checks.checks().isEmpty() ? null : scorer.conditionsOf(sub);
        for (FactCheck check : checks.checks()) {
            if (holds.test(check.when())) {
                Text lower = new Text(
                        lowerFirst(check.explain().vi()),
                        check.explain().en() == null
                                ? null
                                : lowerFirst(check.explain().en()));
                signals.add(new Signal(
                        s.code(),
                        s.name(),
                        s.bloc(),
                        SignalKind.FACT_CONFLICT,
                        Message.of("signal.fact_conflict", "explain", check.explain()),
                        new Signal.Letter(
                                Message.of(
                                        "signal.fact_conflict_letter",
                                        "explain",
                                        lower,
                                        "figures",
                                        figures(check.when(), sub)),
                                Message.of("signal.figures_asked"))));
            }
        }
        if (lastYear != null) {
            List<PreviousYear.Entry> past = lastYear.pastOf(s.code(), lineage.getOrDefault(s.code(), List.of()));
            PreviousYear.Entry before = past.size() == 1 ? past.get(0) : null;
            if (before != null) {
                BigDecimal was = BigDecimal.valueOf(before.total()).stripTrailingZeros();
                BigDecimal up = s.total().subtract(was);
                if (up.compareTo(settings.jumpPoints()) > 0) {
                    signals.add(new Signal(
                            s.code(),
                            s.name(),
                            s.bloc(),
                            SignalKind.JUMP_FROM_LAST_YEAR,
                            Message.of(
                                    "signal.jump",
                                    "total",
                                    s.total().stripTrailingZeros(),
                                    "year",
                                    String.valueOf(rules.year()),
                                    "was",
                                    was,
                                    "last_year",
                                    String.valueOf(lastYear.year()),
                                    "up",
                                    up.stripTrailingZeros()),
                            null));
                }
            }
        }
    }

    /** Every signal found, by kind (in {@link SignalKind} order), then branch code. */
    public List<Signal> finish() {
        identical();
        inflation();
        sameAuthor();
        List<Signal> all = new ArrayList<>(signals);
        all.sort(Comparator.comparing(Signal::kind).thenComparing(Signal::code));
        return all;
    }

    private void identical() {
        Map<Scores, List<Branch>> same = new LinkedHashMap<>();
        Map<String, List<Branch>> byBloc = new TreeMap<>();
        for (Branch b : compared) {
            same.computeIfAbsent(new Scores(b.self()), k -> new ArrayList<>()).add(b);
            byBloc.computeIfAbsent(b.bloc(), k -> new ArrayList<>()).add(b);
        }
        for (List<Branch> group : same.values()) {
            if (group.size() > 1) {
                for (Branch b : group) {
                    signals.add(signal(
                            b,
                            SignalKind.IDENTICAL_SCORES,
                            Message.of(
                                    "signal.identical",
                                    "criteria",
                                    String.valueOf(criteria.size()),
                                    "others",
                                    others(group, b)),
                            new Signal.Letter(
                                    Message.of("signal.identical_letter", "count", group.size() - 1),
                                    ownAssessment())));
                }
            }
        }
        if (nearSteps == 0) {
            return;
        }
        for (List<Branch> bloc : byBloc.values()) {
            bloc.sort(Comparator.comparingInt(Branch::sum).thenComparing(Branch::code));
            Map<Branch, Map<Branch, Integer>> near = new LinkedHashMap<>();
            for (int i = 0; i < bloc.size(); i++) {
                Branch a = bloc.get(i);
                // |sum(a) - sum(b)| never exceeds their distance: once the sums are too far apart, so is everything
                // after
                for (int j = i + 1; j < bloc.size() && bloc.get(j).sum() - a.sum() <= nearSteps; j++) {
                    Branch b = bloc.get(j);
                    int d = distance(a.self(), b.self());
                    if (d > 0 && d <= nearSteps) {
                        near.computeIfAbsent(a, k -> new TreeMap<>(Comparator.comparing(Branch::code)))
                                .put(b, d);
                        near.computeIfAbsent(b, k -> new TreeMap<>(Comparator.comparing(Branch::code)))
                                .put(a, d);
                    }
                }
            }
            near.forEach((b, others) -> {
                BigDecimal closest = rules.step()
                        .multiply(BigDecimal.valueOf(others.values().stream()
                                .mapToInt(Integer::intValue)
                                .min()
                                .orElse(0)));
                signals.add(signal(
                        b,
                        SignalKind.NEAR_IDENTICAL_SCORES,
                        Message.of(
                                "signal.near_identical",
                                "others",
                                others(new ArrayList<>(others.keySet()), null),
                                "closest",
                                closest.stripTrailingZeros()),
                        new Signal.Letter(Message.of("signal.near_identical_letter"), ownAssessment())));
            });
        }
    }

    /**
     * Self scores as a map key: equal when every criterion is (a record of an array would compare the array's
     * identity).
     */
    private record Scores(int[] steps) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Scores s && Arrays.equals(steps, s.steps);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(steps);
        }

        @Override
        public String toString() {
            return Arrays.toString(steps);
        }
    }

    /** The distance in steps, a blank counting 0 as it does in the total. */
    private static int distance(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(counted(a[i]) - counted(b[i]));
        }
        return d;
    }

    private static int counted(int steps) {
        return steps == BLANK ? 0 : steps;
    }

    /**
     * Inflation far above the bloc's: robust z-score over the bloc's verified branches (the province's when a bloc has
     * few).
     */
    private void inflation() {
        List<Branch> province =
                verifiedByBloc.values().stream().flatMap(List::stream).toList();
        if (province.isEmpty()) {
            return;
        }
        Reference whole = Reference.of(province);
        for (List<Branch> bloc : verifiedByBloc.values()) {
            boolean own = bloc.size() >= MIN_BLOC_SAMPLE;
            Reference ref = own ? Reference.of(bloc) : whole;
            for (Branch b : bloc) {
                BigDecimal above = b.inflation().subtract(ref.median());
                if (above.compareTo(settings.inflationMinPoints()) < 0 || above.signum() <= 0) {
                    continue;
                }
                boolean far = ref.mad().signum() == 0
                        || Z_SCALE.multiply(above)
                                        .divide(ref.mad(), MathContext.DECIMAL64)
                                        .compareTo(settings.inflationZ())
                                > 0;
                if (far) {
                    signals.add(new Signal(
                            b.code(),
                            b.name(),
                            b.bloc(),
                            SignalKind.INFLATION_OUTLIER,
                            Message.of(
                                    "signal.inflation",
                                    "inflation",
                                    b.inflation().stripTrailingZeros(),
                                    "scope",
                                    own ? "bloc" : "province",
                                    "median",
                                    ref.median().stripTrailingZeros(),
                                    "mad",
                                    ref.mad().stripTrailingZeros()),
                            null));
                }
            }
        }
    }

    /** The median of a set of inflations and the median of their absolute deviations from it. */
    private record Reference(BigDecimal median, BigDecimal mad) {

        static Reference of(List<Branch> branches) {
            BigDecimal median = median(branches.stream().map(Branch::inflation).toList());
            return new Reference(
                    median,
                    median(branches.stream()
                            .map(b -> b.inflation().subtract(median).abs())
                            .toList()));
        }

        private static BigDecimal median(List<BigDecimal> values) {
            List<BigDecimal> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            BigDecimal m = n % 2 == 1
                    ? sorted.get(n / 2)
                    : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
            return m.stripTrailingZeros();
        }
    }

    private void sameAuthor() {
        for (List<Branch> forms : byAuthor.values()) {
            if (forms.stream().map(Branch::code).distinct().count() < 2) {
                continue;
            }
            for (Branch b : forms) {
                String[] who = b.author().split("\u0000", -1);
                signals.add(signal(
                        b,
                        SignalKind.SAME_FORM_AUTHOR,
                        Message.of("signal.same_author", "properties", described(who), "others", others(forms, b)),
                        new Signal.Letter(
                                Message.of("signal.same_author_letter", "count", forms.size() - 1), ownAssessment())));
            }
        }
    }

    /**
     * 'người tạo "union-review", người lưu cuối "Nguyễn Thị Hoa"': the properties a form gives, each with its label.
     */
    private static List<Message> described(String[] who) {
        List<Message> parts = new ArrayList<>();
        if (!who[0].isEmpty()) {
            parts.add(Message.of("signal.author_creator", "name", who[0]));
        }
        if (!who[1].isEmpty()) {
            parts.add(Message.of("signal.author_saved_by", "name", who[1]));
        }
        if (!who[2].isEmpty()) {
            parts.add(Message.of("signal.author_created", "time", who[2]));
        }
        return parts;
    }

    /**
     * "creator NUL last saved by NUL created", or null when the form names no one in particular. A creation time at the
     * epoch is a program's placeholder (the form template writes it for reproducible files), not a time.
     */
    private String author(WorkbookProperties form) {
        if (form == null) {
            return null;
        }
        String person = form.lastModifiedBy() != null ? form.lastModifiedBy() : form.creator();
        if (settings.isGeneric(person)) {
            return null;
        }
        String created = form.created() == null || form.created().equals(Instant.EPOCH)
                ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(form.created().atOffset(ZoneOffset.UTC));
        return (form.creator() == null ? "" : form.creator()) + "\u0000"
                + (form.lastModifiedBy() == null ? "" : form.lastModifiedBy()) + "\u0000" + created;
    }

    private static Message ownAssessment() {
        return Message.of("signal.own_assessment_asked");
    }

    private static Signal signal(Branch b, SignalKind kind, Message detail, Signal.Letter letter) {
        return new Signal(b.code(), b.name(), b.bloc(), kind, detail, letter);
    }

    /** "CDCS-002 (Trường A), CDCS-007 (Trường B) và 3 đơn vị khác": the others of a group, the first few named. */
    private static Message others(List<Branch> group, Branch self) {
        List<Branch> rest = group.stream()
                .filter(b -> b != self)
                .sorted(Comparator.comparing(Branch::code))
                .toList();
        String named = String.join(
                ", ",
                rest.stream()
                        .limit(NAMED)
                        .map(b -> b.code() + " (" + b.name() + ")")
                        .toList());
        return Message.of("signal.others", "named", named, "more", Math.max(0, rest.size() - NAMED));
    }

    /** Points as a whole number of the rule set's steps (scores are multiples of it; a threshold is rounded down). */
    private int steps(BigDecimal points) {
        return points.divide(rules.step(), 0, RoundingMode.FLOOR).intValueExact();
    }

    static String vi(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    static String en(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /**
     * The figures a check looks at, as the branch declared them ("Số đoàn viên công đoàn: 130", "D1: 10"): a letter
     * that says two figures contradict each other quotes them. A derived value is quoted by the two facts it divides.
     */
    private List<Message> figures(Condition when, Submission sub) {
        Set<String> ids = new LinkedHashSet<>();
        List<Message> figures = new ArrayList<>();
        collect(when, sub, ids, figures);
        return figures;
    }

    private void collect(Condition when, Submission sub, Set<String> seen, List<Message> figures) {
        if (when instanceof Condition.All all) {
            all.conditions().forEach(c -> collect(c, sub, seen, figures));
        } else if (when instanceof Condition.Any any) {
            any.conditions().forEach(c -> collect(c, sub, seen, figures));
        } else if (when instanceof Condition.Not not) {
            collect(not.condition(), sub, seen, figures);
        } else if (when instanceof Condition.Compare compare) {
            if (compare.subject() == Subject.FACT) {
                fact(compare.id(), sub, seen, figures);
            } else if (compare.subject() == Subject.DERIVED) {
                rules.derived().stream()
                        .filter(d -> d.id().equals(compare.id()))
                        .findFirst()
                        .ifPresent(d -> {
                            fact(d.numerator(), sub, seen, figures);
                            fact(d.denominator(), sub, seen, figures);
                        });
            } else if (compare.subject() == Subject.CRITERION) {
                BigDecimal value =
                        sub.verified().getOrDefault(compare.id(), sub.self().get(compare.id()));
                if (value != null && seen.add(compare.id())) {
                    figures.add(Message.of(
                            "signal.figure",
                            "name",
                            compare.id(),
                            "value",
                            value.stripTrailingZeros().toPlainString()));
                }
            }
        }
    }

    private void fact(String id, Submission sub, Set<String> seen, List<Message> figures) {
        FactValue value = sub.facts().get(id);
        if (value == null || !seen.add(id)) {
            return;
        }
        Object shown = value instanceof FactValue.Amount a
                ? a.value().stripTrailingZeros().toPlainString()
                : value instanceof FactValue.YesNo y
                        ? Message.of("signal.yes_no", "yes", y.value() ? "yes" : "no")
                        : "";
        Text title = rules.facts().stream()
                .filter(f -> f.id().equals(id))
                .map(Fact::title)
                .findFirst()
                .orElse(new Text(id, id));
        figures.add(Message.of("signal.figure", "name", title, "value", shown));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(VietnameseText.VIETNAMESE) + s.substring(1);
    }
}
