package vn.unionreview.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.FactType;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

/**
 * Turns a consolidated-table row into a submission, or rejects it with every reason found: an
 * invalid score or fact rejects the whole row (a branch is never scored on part of its form).
 */
public final class RowValidator {

    private final RuleSet rules;
    private final CellParser parser;
    private final Set<String> registry;

    /** @param registry the codes of the year's registry; a row for any other code is rejected */
    public RowValidator(RuleSet rules, Set<String> registry) {
        this.rules = rules;
        this.parser = new CellParser(rules.step());
        this.registry = registry;
    }

    public static String normalizeCode(String code) {
        return Texts.clean(code).toUpperCase(Locale.ROOT);
    }

    public IngestRecord validate(TableRow item) {
        TableLayout layout = item.layout();
        if (item.isFileItem()) {
            return new IngestRecord(layout.file(), layout.sheet(), 0, "", false, null, layout.notes());
        }
        SheetRow row = item.row();
        if (!layout.usable()) {
            return rejected(row, "", List.of(problem(Severity.REJECTED, row, null, layout, "", "file not used: " + layout.fileError())));
        }
        List<Problem> problems = new ArrayList<>();
        SheetCell codeCell = row.cell(layout.codeColumn());
        String code = codeCell == null ? "" : normalizeCode(codeCell.text());
        if (code.isEmpty()) {
            problems.add(problem(Severity.REJECTED, row, codeCell, layout, "", "no branch code"));
        } else if (!registry.contains(code)) {
            problems.add(problem(Severity.REJECTED, row, codeCell, layout, code, "branch " + code + " is not in the registry"));
        }

        Map<String, BigDecimal> self = scores(row, layout, layout.selfColumns(), code, problems, true);
        Map<String, BigDecimal> verified = scores(row, layout, layout.verifiedColumns(), code, problems, false);
        Map<String, FactValue> facts = new HashMap<>();
        for (Fact fact : rules.facts()) {
            Integer column = layout.factColumns().get(fact.id());
            if (column == null) {
                continue;
            }
            SheetCell cell = row.cell(column);
            ParsedValue<?> parsed = fact.type() == FactType.BOOLEAN ? parser.yesNo(cell)
                    : fact.type() == FactType.INTEGER ? parser.wholeNumber(cell) : parser.number(cell);
            if (record(parsed, row, cell, layout, code, problems) && parsed.value() != null) {
                facts.put(fact.id(), parsed.value() instanceof Boolean b ? FactValue.of(b) : FactValue.of((BigDecimal) parsed.value()));
            }
        }
        boolean accepted = problems.stream().noneMatch(p -> p.severity() == Severity.REJECTED);
        return new IngestRecord(layout.file(), layout.sheet(), row.number(), code, accepted,
                accepted ? new Submission(code, self, verified, facts) : null, problems);
    }

    private Map<String, BigDecimal> scores(SheetRow row, TableLayout layout, Map<String, Integer> columns,
                                           String code, List<Problem> problems, boolean reportBlank) {
        Map<String, BigDecimal> scores = new HashMap<>();
        List<String> blank = new ArrayList<>();
        for (Criterion criterion : rules.criteria()) {
            Integer column = columns.get(criterion.id());
            if (column == null) {
                continue;
            }
            SheetCell cell = row.cell(column);
            ParsedValue<BigDecimal> parsed = parser.score(cell, criterion);
            if (record(parsed, row, cell, layout, code, problems)) {
                if (parsed.value() == null) {
                    blank.add(criterion.id());
                } else {
                    scores.put(criterion.id(), parsed.value());
                }
            }
        }
        if (reportBlank && !blank.isEmpty()) {
            problems.add(problem(Severity.NOTE, row, null, layout, code, "not scored (blank, counted as 0): " + String.join(", ", blank)));
        }
        return scores;
    }

    /** Records the parse outcome's problem, if any; true when the value is usable. */
    private static boolean record(ParsedValue<?> parsed, SheetRow row, SheetCell cell, TableLayout layout,
                                  String code, List<Problem> problems) {
        if (!parsed.isValid()) {
            problems.add(problem(Severity.REJECTED, row, cell, layout, code, parsed.error()));
            return false;
        }
        if (parsed.correction() != null) {
            problems.add(problem(Severity.CORRECTED, row, cell, layout, code, parsed.correction()));
        }
        return true;
    }

    private static Problem problem(Severity severity, SheetRow row, SheetCell cell, TableLayout layout, String code, String reason) {
        return new Problem(severity, row.file(), row.sheet(), row.number(), cell == null ? "" : cell.ref(),
                cell == null ? "" : layout.header(cell.column()), code, cell == null ? "" : cell.text(), reason);
    }

    private static IngestRecord rejected(SheetRow row, String code, List<Problem> problems) {
        return new IngestRecord(row.file(), row.sheet(), row.number(), code, false, null, problems);
    }
}
