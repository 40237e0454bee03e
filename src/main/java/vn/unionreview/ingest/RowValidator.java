package vn.unionreview.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;

/**
 * Turns a consolidated-table row into a submission, or rejects it with every reason found: an
 * invalid score or fact rejects the whole row (a branch is never scored on part of its form).
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

    public IngestRecord validate(TableRow item) {
        TableLayout layout = item.layout();
        if (item.isFileItem()) {
            return IngestRecord.fileItem(layout.file(), layout.sheet(), IngestRecord.Source.TABLE, layout.notes());
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
        boolean codeOk = problems.isEmpty();

        SubmissionCells.Readings read = cells.read(
                id -> slot(row, layout, layout.selfColumns().get(id)),
                id -> slot(row, layout, layout.verifiedColumns().get(id)),
                id -> slot(row, layout, layout.factColumns().get(id)),
                (severity, slot, reason) -> new Problem(severity, row.file(), row.sheet(), row.number(),
                        slot.cell() == null ? "" : slot.cell().ref(), slot.column(), code, slot.cell() == null ? "" : slot.cell().text(), reason),
                problems);
        boolean accepted = problems.stream().noneMatch(p -> p.severity() == Severity.REJECTED);
        return new IngestRecord(layout.file(), layout.sheet(), row.number(), code, accepted,
                accepted ? new Submission(code, read.self(), read.verified(), read.facts()) : null, problems,
                IngestRecord.Source.TABLE, 1 + read.cellsRead(), read.cellsInvalid() + (codeOk ? 0 : 1), null);
    }

    private static SubmissionCells.Slot slot(SheetRow row, TableLayout layout, Integer column) {
        return column == null ? null : new SubmissionCells.Slot(row.cell(column), row.number(), layout.header(column));
    }

    private static Problem problem(Severity severity, SheetRow row, SheetCell cell, TableLayout layout, String code, String reason) {
        return new Problem(severity, row.file(), row.sheet(), row.number(), cell == null ? "" : cell.ref(),
                cell == null ? "" : layout.header(cell.column()), code, cell == null ? "" : cell.text(), reason);
    }

    private static IngestRecord rejected(SheetRow row, String code, List<Problem> problems) {
        return new IngestRecord(row.file(), row.sheet(), row.number(), code, false, null, problems, IngestRecord.Source.TABLE, 0, 0, null);
    }
}
