package vn.unionreview.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;

/**
 * Turns a consolidated-table row into a submission, or rejects it with every reason found: an invalid score or fact
 * rejects the whole row (a branch is never scored on part of its form).
 */
public final class RowValidator {

    private final SubmissionCells cells;
    private final Set<String> registry;

    /** @param registry the codes of the year's registry; a row for any other code is rejected */
    public RowValidator(RuleSet rules, Set<String> registry) {
        this.cells = new SubmissionCells(rules);
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

        SubmissionCells.Readings read = cells.read(
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
