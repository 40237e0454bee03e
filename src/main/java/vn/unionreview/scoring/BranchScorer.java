package vn.unionreview.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import vn.unionreview.rules.Adjustment;
import vn.unionreview.rules.Cap;
import vn.unionreview.rules.Condition;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.CriterionKind;
import vn.unionreview.rules.Derived;
import vn.unionreview.rules.Group;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.TieBreak;
import vn.unionreview.rules.Tier;

/**
 * Scores one branch against a rule set: counted scores, base / bonus / penalty / total, tier before caps, caps,
 * tie-break keys and inflation, in the order {@code rules-format.md} fixes. Pure: no I/O, no state between branches,
 * exact decimals throughout.
 */
public final class BranchScorer {

    private final RuleSet rules;
    /** {@link RuleSet#criteria()}, made once: it is read several times for every branch. */
    private final List<Criterion> criteria;

    private final ConditionEvaluator conditions;

    public BranchScorer(RuleSet rules) {
        this.rules = rules;
        this.criteria = rules.criteria();
        this.conditions = new ConditionEvaluator(rules);
    }

    public BranchScore score(Branch branch, Submission submission) {
        List<String> why = new ArrayList<>();
        Points points = points(submission, why);
        ScoreSheet sheet = points.sheet();

        int tier = tierBeforeCaps(sheet, why);
        int capped = tier;
        List<String> capsFired = new ArrayList<>();
        for (Cap cap : rules.caps()) {
            if (conditions.test(cap.when(), sheet, why)) {
                capsFired.add(cap.id());
                int max = rules.tierIndex(cap.maxTier());
                why.add("cap " + cap.id() + " (" + cap.reason().vi() + "): tier at most " + cap.maxTier()
                        + (max > capped
                                ? ", lowered from " + rules.tiers().get(capped).id()
                                : ", no change"));
                capped = Math.max(capped, max);
            }
        }
        List<BigDecimal> keys = new ArrayList<>();
        for (TieBreak tb : rules.tieBreaks()) {
            keys.add(tieBreakValue(tb, sheet));
        }
        return new BranchScore(
                branch,
                points.base(),
                points.bonus(),
                points.penalty(),
                sheet.total(),
                tier,
                capped,
                capsFired,
                keys,
                inflation(submission),
                why);
    }

    /**
     * Whether rule-file conditions hold for a submission, each read exactly as a cap's condition is (counted scores,
     * facts, derived values): for checks declared beside the rule set that score nothing. The submission's points are
     * counted once, however many conditions are then tested.
     */
    public Predicate<Condition> conditionsOf(Submission submission) {
        ScoreSheet sheet = points(submission, new ArrayList<>()).sheet();
        return condition -> conditions.test(condition, sheet, new ArrayList<>());
    }

    /** Steps 1 and 2 of the computation: what conditions, tiers and tie-breaks read. */
    private record Points(ScoreSheet sheet, BigDecimal base, BigDecimal bonus, BigDecimal penalty) {}

    private Points points(Submission submission, List<String> why) {
        Map<String, BigDecimal> counted = countedScores(submission, why);

        Map<String, BigDecimal> groupTotals = new LinkedHashMap<>();
        Map<String, BigDecimal> groupMaxima = new HashMap<>();
        for (Group group : rules.groups()) {
            groupTotals.put(group.id(), sum(group.criteria(), counted));
            groupMaxima.put(group.id(), group.max());
        }
        BigDecimal base = groupTotals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal bonus = capped(rules.bonus(), counted, "bonus", why);
        BigDecimal penalty = capped(rules.penalty(), counted, "penalty", why);
        BigDecimal total = base.add(bonus).subtract(penalty).max(BigDecimal.ZERO);
        why.add("total " + plain(total) + " = max(0, base " + plain(base) + " + bonus " + plain(bonus) + " − penalty "
                + plain(penalty) + ")");

        Map<String, Optional<BigDecimal>> derived = new HashMap<>();
        Map<String, String> undefined = new HashMap<>();
        for (Derived d : rules.derived()) {
            derived.put(d.id(), ratio(d, submission, undefined));
        }
        return new Points(
                new ScoreSheet(counted, groupTotals, groupMaxima, total, submission.facts(), derived, undefined),
                base,
                bonus,
                penalty);
    }

    private Map<String, BigDecimal> countedScores(Submission s, List<String> why) {
        List<String> notScored = criteria.stream()
                .map(Criterion::id)
                .filter(id -> !s.verified().containsKey(id) && !s.self().containsKey(id))
                .toList();
        if (!notScored.isEmpty()) {
            why.add("not scored, counted as 0: " + String.join(", ", notScored));
        }
        return countedScores(criteria, s);
    }

    /**
     * Step 1: per criterion, the verified score where one was given, else the self score; 0 when neither.
     *
     * @param criteria the rule set's {@link RuleSet#criteria()}
     */
    public static Map<String, BigDecimal> countedScores(List<Criterion> criteria, Submission s) {
        Map<String, BigDecimal> counted = new HashMap<>();
        for (Criterion c : criteria) {
            counted.put(c.id(), s.verified().getOrDefault(c.id(), s.self().getOrDefault(c.id(), BigDecimal.ZERO)));
        }
        return counted;
    }

    private static BigDecimal sum(List<Criterion> criteria, Map<String, BigDecimal> counted) {
        return criteria.stream().map(c -> counted.get(c.id())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal capped(
            Adjustment adjustment, Map<String, BigDecimal> counted, String name, List<String> why) {
        BigDecimal raw = sum(adjustment.criteria(), counted);
        if (raw.compareTo(adjustment.max()) > 0) {
            why.add(name + " " + plain(raw) + " capped at " + plain(adjustment.max()));
            return adjustment.max();
        }
        return raw;
    }

    private static Optional<BigDecimal> ratio(Derived d, Submission s, Map<String, String> undefined) {
        BigDecimal numerator = amount(s.facts().get(d.numerator()));
        BigDecimal denominator = amount(s.facts().get(d.denominator()));
        if (numerator == null || denominator == null) {
            undefined.put(d.id(), (numerator == null ? d.numerator() : d.denominator()) + " not declared");
            return Optional.empty();
        }
        if (denominator.signum() == 0) {
            undefined.put(d.id(), d.denominator() + " is 0");
            return Optional.empty();
        }
        return Optional.of(numerator.divide(denominator, MathContext.DECIMAL64));
    }

    private static BigDecimal amount(FactValue value) {
        return value instanceof FactValue.Amount a ? a.value() : null;
    }

    private int tierBeforeCaps(ScoreSheet sheet, List<String> why) {
        List<Tier> tiers = rules.tiers();
        for (int i = 0; i < tiers.size() - 1; i++) {
            Tier tier = tiers.get(i);
            boolean minHolds = tier.minTotal()
                    .map(min -> sheet.total().compareTo(min) >= 0)
                    .orElse(true);
            if (!minHolds) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            if (tier.require().map(r -> conditions.test(r, sheet, notes)).orElse(true)) {
                why.addAll(notes);
                why.add("tier " + tier.id()
                        + tier.minTotal().map(m -> ": total ≥ " + plain(m)).orElse("")
                        + tier.require().map(r -> ", requirement holds").orElse(""));
                return i;
            }
            why.addAll(notes);
            why.add("not " + tier.id() + ": total ≥ "
                    + tier.minTotal().map(BranchScorer::plain).orElse("0") + " but its requirement does not hold");
        }
        Tier last = tiers.get(tiers.size() - 1);
        why.add("tier " + last.id() + ": no better tier's conditions hold");
        return tiers.size() - 1;
    }

    private static BigDecimal tieBreakValue(TieBreak tb, ScoreSheet sheet) {
        return switch (tb.subject()) {
            case GROUP -> sheet.groupTotals().get(tb.id());
            case CRITERION -> sheet.counted().get(tb.id());
            case FACT -> amount(sheet.facts().get(tb.id()));
            case DERIVED -> sheet.derived().get(tb.id()).orElse(null);
            case TOTAL -> sheet.total();
        };
    }

    /**
     * Points given beyond what was verified: self − verified on group and bonus criteria, verified − self on penalties.
     */
    private BigDecimal inflation(Submission s) {
        BigDecimal inflation = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            BigDecimal self = s.self().get(c.id());
            BigDecimal verified = s.verified().get(c.id());
            if (self != null && verified != null) {
                BigDecimal gap = self.subtract(verified);
                inflation = inflation.add(c.kind() == CriterionKind.PENALTY ? gap.negate() : gap);
            }
        }
        return inflation;
    }

    private static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }
}
