package vn.unionreview.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.FactType;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.text.Message;

/**
 * Reads the score and fact cells of one submission, wherever they sit (a table row or a form), into values and
 * problems. One place decides what a cell means, so a table and a form with the same numbers give the same submission.
 */
public final class SubmissionCells {

    /** Where a value is expected: its cell (null when blank), the row it is on and the column's name for the report. */
    public record Slot(SheetCell cell, int row, String column) {}

    /** Builds a problem with the file and sheet of the submission being read. */
    public interface Problems {
        Problem at(Severity severity, Slot slot, Message reason);
    }

    /** The values read, with how many cells were read and how many of them were invalid. */
    public record Readings(
            Map<String, BigDecimal> self,
            Map<String, BigDecimal> verified,
            Map<String, FactValue> facts,
            int cellsRead,
            int cellsInvalid) {}

    /** The cells of one submission read so far, and how many of them were invalid. */
    private static final class CellCount {
        int read;
        int invalid;
    }

    private final RuleSet rules;
    /** {@link RuleSet#criteria()}, made once: it is read for every row. */
    private final List<Criterion> criteria;

    private final CellParser parser;

    public SubmissionCells(RuleSet rules) {
        this.rules = rules;
        this.criteria = rules.criteria();
        this.parser = new CellParser(rules.step());
    }

    /**
     * @param self a criterion's self-score slot, or null when the source has no place for it
     * @param verified a criterion's verified-score slot, or null
     * @param facts a fact's slot, or null
     */
    public Readings read(
            Function<String, Slot> self,
            Function<String, Slot> verified,
            Function<String, Slot> facts,
            Problems where,
            List<Problem> problems) {
        CellCount counts = new CellCount();
        Map<String, BigDecimal> selfScores = scores(self, where, problems, true, counts);
        Map<String, BigDecimal> verifiedScores = scores(verified, where, problems, false, counts);
        Map<String, FactValue> factValues = new HashMap<>();
        for (Fact fact : rules.facts()) {
            Slot slot = facts.apply(fact.id());
            if (slot == null) {
                continue;
            }
            counts.read++;
            SheetCell cell = slot.cell();
            ParsedValue<?> parsed = fact.type() == FactType.BOOLEAN
                    ? parser.yesNo(cell)
                    : fact.type() == FactType.INTEGER ? parser.wholeNumber(cell) : parser.number(cell);
            if (record(parsed, slot, where, problems, counts) && parsed.value() != null) {
                factValues.put(
                        fact.id(),
                        parsed.value() instanceof Boolean b
                                ? FactValue.of(b)
                                : FactValue.of((BigDecimal) parsed.value()));
            }
        }
        return new Readings(selfScores, verifiedScores, factValues, counts.read, counts.invalid);
    }

    private Map<String, BigDecimal> scores(
            Function<String, Slot> slots,
            Problems where,
            List<Problem> problems,
            boolean reportBlank,
            CellCount counts) {
        Map<String, BigDecimal> scores = new HashMap<>();
        List<String> blank = new ArrayList<>();
        Slot first = null;
        for (Criterion criterion : criteria) {
            Slot slot = slots.apply(criterion.id());
            if (slot == null) {
                continue;
            }
            first = first == null ? slot : first;
            counts.read++;
            ParsedValue<BigDecimal> parsed = parser.score(slot.cell(), criterion);
            if (record(parsed, slot, where, problems, counts)) {
                if (parsed.value() == null) {
                    blank.add(criterion.id());
                } else {
                    scores.put(criterion.id(), parsed.value());
                }
            }
        }
        if (reportBlank && !blank.isEmpty()) {
            problems.add(where.at(
                    Severity.NOTE,
                    new Slot(null, first.row(), ""),
                    Message.of("row.not_scored", "criteria", String.join(", ", blank))));
        }
        return scores;
    }

    /** Records the parse outcome's problem, if any; true when the value is usable. */
    private static boolean record(
            ParsedValue<?> parsed, Slot slot, Problems where, List<Problem> problems, CellCount counts) {
        if (!parsed.isValid()) {
            counts.invalid++;
            problems.add(where.at(Severity.REJECTED, slot, parsed.error()));
            return false;
        }
        if (parsed.correction() != null) {
            problems.add(where.at(Severity.CORRECTED, slot, parsed.correction()));
        }
        return true;
    }
}
