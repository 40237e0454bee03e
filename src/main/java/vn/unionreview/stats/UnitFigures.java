package vn.unionreview.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.Target;
import vn.unionreview.text.Message;

/**
 * One line of a province's picture by the unions beneath it, for one kind of branch: a unit's branches (or those the
 * province rates directly, code ""), their count per tier in the rule set's order, and each target of the year met or
 * missed.
 *
 * @param decision the unit's decision whose results these are: its number and date as published, "" for the province's
 *     own branches and the province's total
 */
public record UnitFigures(
        String code,
        String name,
        String decision,
        String decisionDate,
        int branches,
        List<TierCount> tiers,
        List<TargetOutcome> targets) {

    public UnitFigures {
        tiers = List.copyOf(tiers);
        targets = List.copyOf(targets);
    }

    /** A target over a unit's branches: the share at its tier or better, and whether that meets it. */
    public record TargetOutcome(Target target, BigDecimal share, boolean met) {}

    /**
     * A unit as the province's units.csv lists it.
     *
     * @param state accepted, refused, missing, replaced or returned
     * @param reason why it was not accepted, null when it was
     */
    public record Listed(String code, String name, String state, Message reason, String decision, String decisionDate) {

        public boolean accepted() {
            return state.equals("accepted");
        }
    }

    /**
     * A province's picture for one kind.
     *
     * @param own the branches the province rates directly, null when it rates none of the kind
     * @param units each accepted unit with branches of the kind, in the list's order
     * @param province the whole province's year
     * @param unaccepted the units whose results are not in it, with why (a bundle naming no unit of the list has no
     *     name)
     */
    public record Picture(UnitFigures own, List<UnitFigures> units, UnitFigures province, List<Listed> unaccepted) {

        public Picture {
            units = List.copyOf(units);
            unaccepted = List.copyOf(unaccepted);
        }
    }

    /**
     * @param results the kind's results, each with the unit it came from ("" for the province's own)
     * @param listed the province's units.csv, in its order
     */
    public static Picture picture(RuleSet rules, List<ResultRow> results, List<Listed> listed) {
        Map<String, List<ResultRow>> byUnit = new LinkedHashMap<>();
        results.forEach(
                r -> byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r));
        List<UnitFigures> units = new ArrayList<>();
        for (Listed u : listed) {
            List<ResultRow> rows = byUnit.get(u.code());
            if (u.accepted() && rows != null) {
                units.add(of(rules, u.code(), u.name(), u.decision(), u.decisionDate(), rows));
            }
        }
        List<ResultRow> own = byUnit.get("");
        // a unit with a bundle accepted is in the picture, whatever became of its other bundles
        Set<String> accepted =
                listed.stream().filter(Listed::accepted).map(Listed::code).collect(Collectors.toSet());
        return new Picture(
                own == null ? null : of(rules, "", "", "", "", own),
                units,
                of(rules, "", "", "", "", results),
                listed.stream()
                        .filter(u -> !u.accepted() && !accepted.contains(u.code()))
                        .toList());
    }

    private static UnitFigures of(
            RuleSet rules, String code, String name, String decision, String date, List<ResultRow> rows) {
        int[] counts = new int[rules.tiers().size()];
        rows.forEach(r -> counts[rules.tierIndex(r.tier())]++);
        List<TierCount> tiers = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            tiers.add(new TierCount(
                    rules.tiers().get(i).id(), counts[i], rows.isEmpty() ? 0 : (double) counts[i] / rows.size()));
        }
        List<TargetOutcome> targets = new ArrayList<>();
        for (Target target : rules.targets()) {
            int atOrAbove = 0;
            for (int i = 0; i <= rules.tierIndex(target.tier()); i++) {
                atOrAbove += counts[i];
            }
            BigDecimal share = rows.isEmpty()
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(atOrAbove).divide(BigDecimal.valueOf(rows.size()), MathContext.DECIMAL64);
            targets.add(new TargetOutcome(target, share, !rows.isEmpty() && target.metBy(share)));
        }
        return new UnitFigures(code, name, decision, date, rows.size(), tiers, targets);
    }
}
