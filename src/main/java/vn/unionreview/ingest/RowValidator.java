package vn.unionreview.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;

/**
 * Turns a consolidated-table row into a submission, or rejects it with every reason found: an invalid score or fact
 * rejects the whole row (a branch is never scored on part of its form).
 */
public final class RowValidator {

    private final BranchRules rules;
    private final Map<RuleSet, SubmissionCells> cells = new IdentityHashMap<>();
    private final Set<String> registry;

    /** @param registry the codes of the year's registry; a row for any other code is rejected */
    public RowValidator(RuleSet rules, Set<String> registry) {
        this(BranchRules.of(rules), registry);
    }

    /**
     * @param rules which rule set reads each branch's row: in a year ruled by kind, its kind's
     * @param registry the codes of the year's registry; a row for any other code is rejected
     */
    public RowValidator(BranchRules rules, Set<String> registry) {
        this.rules = rules;
        rules.sets().forEach(set -> cells.put(set, new SubmissionCells(set)));
        this.registry = registry;
    }

    public static String normalizeCode(String code) {
        return Texts.clean(code).toUpperCase(Locale.ROOT);
    }

    /**
     * The normalized branch code in a cell ("" for none; an oversized cell's beginning, which {@link #codeError}
     * refuses).
     */
    public static String codeOf(SheetCell cell) {
        return cell == null ? "" : normalizeCode(cell.text());
    }

    /**
     * Why a (normalized) branch code cannot be used, or null when it is a registry branch: for table rows and forms
     * alike.
     */
    public static Message codeError(SheetCell cell, String code, Set<String> registry) {
        if (cell != null && cell.kind() == CellKind.OVERSIZED) {
            return CellParser.OVERSIZED;
        }
        if (code.isEmpty()) {
            return Message.of("code.missing");
        }
        Message notACode = Bounds.codeError(code);
        if (notACode != null) {
            return notACode;
        }
        return registry.contains(code) ? null : Message.of("code.not_in_registry", "code", code);
    }

    public IngestRecord validate(TableRow item) {
        TableLayout layout = item.layout();
        if (item.isFileItem()) {
            return IngestRecord.fileItem(layout.file(), layout.sheet(), IngestRecord.Source.TABLE, layout.notes());
        }
        if (item.isRefusal()) {
            return IngestRecord.refusal(layout.file(), layout.sheet(), IngestRecord.Source.TABLE, item.refusal());
        }
        SheetRow row = item.row();
        if (!layout.usable()) {
            return rejected(
                    row,
                    "",
                    List.of(problem(
                            Severity.REJECTED,
                            row,
                            null,
                            "",
                            "",
                            Message.of("table.not_used", "why", layout.fileError()))));
        }
        SheetCell codeCell = row.cell(layout.codeColumn());
        String code = codeOf(codeCell);
        Message shape = shapeError(row, layout, codeCell);
        if (shape != null) {
            return rejected(row, code, List.of(problem(Severity.REJECTED, row, null, "", code, shape)));
        }
        List<Problem> problems = new ArrayList<>();
        Message codeError = codeError(codeCell, code, registry);
        if (codeError != null) {
            problems.add(problem(
                    Severity.REJECTED,
                    row,
                    codeCell,
                    codeCell == null ? "" : layout.header(codeCell.column()),
                    code,
                    codeError));
        }

        RuleSet kind = codeError == null ? rules.of(code) : rules.sets().get(0);
        Message kindError =
                kind == null ? Message.of("row.no_rules", "kind", rules.kindOf(code)) : kindError(layout, kind);
        if (kindError != null) {
            problems.add(problem(Severity.REJECTED, row, null, "", code, kindError));
            return rejected(row, code, problems);
        }
        problems.addAll(otherKindsValues(row, layout, kind, code));
        SubmissionCells.Readings read = cells.get(kind)
                .read(
                        id -> slot(row, layout, layout.selfColumns().get(id)),
                        id -> slot(row, layout, layout.verifiedColumns().get(id)),
                        id -> slot(row, layout, layout.factColumns().get(id)),
                        (severity, slot, reason) -> problem(severity, row, slot.cell(), slot.column(), code, reason),
                        problems);
        boolean accepted = problems.stream().noneMatch(p -> p.severity() == Severity.REJECTED);
        return new IngestRecord(
                layout.file(),
                layout.sheet(),
                row.number(),
                code,
                accepted,
                accepted ? new Submission(code, read.self(), read.verified(), read.facts()) : null,
                problems,
                IngestRecord.Source.TABLE,
                1 + read.cellsRead(),
                read.cellsInvalid() + (codeError == null ? 0 : 1),
                null);
    }

    /** The criteria of the branch's kind that the table has no column for, or null when it has them all. */
    private static Message kindError(TableLayout layout, RuleSet kind) {
        List<String> missing = kind.criteria().stream()
                .map(Criterion::id)
                .filter(id -> !layout.selfColumns().containsKey(id))
                .toList();
        return missing.isEmpty()
                ? null
                : Message.of(
                        "row.kind_columns_missing", "kind", kind.kind().title(), "columns", String.join(", ", missing));
    }

    /**
     * In a table of several kinds, a value in a column of another kind's criterion or fact: refused, as the branch is
     * not scored on it and whoever filled it in meant something else.
     */
    private static List<Problem> otherKindsValues(SheetRow row, TableLayout layout, RuleSet kind, String code) {
        Set<String> own = new HashSet<>();
        kind.criteria().forEach(c -> own.add(c.id()));
        kind.facts().forEach(f -> own.add(f.id()));
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        layout.selfColumns().forEach(columns::put);
        layout.verifiedColumns().forEach((id, column) -> columns.put(id + TableLayout.VERIFIED_SUFFIX, column));
        layout.factColumns().forEach(columns::put);
        columns.forEach((id, column) -> {
            String base = id.endsWith(TableLayout.VERIFIED_SUFFIX)
                    ? id.substring(0, id.length() - TableLayout.VERIFIED_SUFFIX.length())
                    : id;
            SheetCell cell = row.cell(column);
            if (!own.contains(base) && cell != null && !Texts.clean(cell.text()).isEmpty()) {
                problems.add(problem(
                        Severity.REJECTED,
                        row,
                        cell,
                        layout.header(column),
                        code,
                        Message.of(
                                "row.other_kind_value",
                                "column",
                                layout.header(column),
                                "kind",
                                kind.kind().title())));
            }
        });
        return problems;
    }

    /**
     * Why a row cannot be a table row at all, or null: the header repeated mid-file, fewer fields than the header (a
     * line broken in two, or delimiters lost), or a value beyond the header's last column.
     */
    private static Message shapeError(SheetRow row, TableLayout layout, SheetCell codeCell) {
        if (codeCell != null && TableLayout.isCodeHeader(codeCell.text())) {
            return Message.of("row.header_repeated", "header_row", layout.headerRow());
        }
        int width = layout.headers().size();
        if (row.width() >= 0 && row.width() <= layout.lastUsedColumn()) {
            return Message.of("row.too_few_fields", "fields", row.width(), "header_fields", width);
        }
        for (SheetCell cell : row.cells()) {
            if (cell.column() >= width) {
                return Message.of(
                        "row.beyond_header", "cell", cell.ref(), "last_column", SheetCell.columnLetters(width - 1));
            }
        }
        return null;
    }

    private static SubmissionCells.Slot slot(SheetRow row, TableLayout layout, Integer column) {
        return column == null ? null : new SubmissionCells.Slot(row.cell(column), row.number(), layout.header(column));
    }

    private static Problem problem(
            Severity severity, SheetRow row, SheetCell cell, String column, String code, Message reason) {
        return new Problem(
                severity,
                row.file(),
                row.sheet(),
                row.number(),
                cell == null ? "" : cell.ref(),
                column,
                code,
                cell == null ? "" : cell.text(),
                reason);
    }

    private static IngestRecord rejected(SheetRow row, String code, List<Problem> problems) {
        return new IngestRecord(
                row.file(),
                row.sheet(),
                row.number(),
                code,
                false,
                null,
                problems,
                IngestRecord.Source.TABLE,
                0,
                0,
                null);
    }
}
