package vn.unionreview.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import vn.unionreview.ingest.BranchRules;
import vn.unionreview.ingest.CellParser;
import vn.unionreview.ingest.IngestRecord;
import vn.unionreview.ingest.ParsedValue;
import vn.unionreview.ingest.PersonName;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.SheetCell;
import vn.unionreview.ingest.SubmissionCells;
import vn.unionreview.ingest.Texts;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.scoring.Submission;
import vn.unionreview.text.Message;

/**
 * Turns a form into a submission, or rejects it with every reason found, exactly as a table row is judged (see
 * {@link SubmissionCells}); and checks what only a form has: its year, and the branch name against the registry (the
 * registry's name is the one used).
 */
public final class FormValidator {

    private static final int HEADER_CELLS = 3; // year, code, name

    private final int year;
    private final Map<String, String> registry;
    private final BranchRules rules;
    private final Map<RuleSet, SubmissionCells> cells = new IdentityHashMap<>();
    private final CellParser parser;

    /** @param registry the year's registry, code → name */
    public FormValidator(RuleSet rules, int year, Map<String, String> registry) {
        this(BranchRules.of(rules), year, registry);
    }

    /**
     * @param rules which rule set reads a branch's form: in a year ruled by kind, its kind's
     * @param registry the year's registry, code → name
     */
    public FormValidator(BranchRules rules, int year, Map<String, String> registry) {
        this.year = year;
        this.registry = registry;
        this.rules = rules;
        rules.sets().forEach(set -> cells.put(set, new SubmissionCells(set)));
        // the year is a whole number whatever a rule set's step
        this.parser = new CellParser(rules.sets().get(0).step());
    }

    public IngestRecord validate(FilledForm form) {
        List<Problem> problems = new ArrayList<>();
        int invalid = 0;
        String code = form.code() == null ? "" : RowValidator.codeOf(form.code().cell());
        for (Message error : form.layoutErrors()) {
            problems.add(new Problem(Severity.REJECTED, form.file(), form.sheet(), 0, "", "", code, "", error));
        }
        if (!yearIsRight(form, code, problems)) {
            invalid++;
        }
        boolean known = codeIsKnown(form, code, problems);
        if (!known) {
            invalid++;
        }
        checkName(form, code, problems);
        RuleSet kind = known ? rules.of(code) : rules.sets().get(0);
        if (kind == null) {
            problems.add(problem(
                    form,
                    Severity.REJECTED,
                    form.code().cell(),
                    form.code().row(),
                    FormLayout.CODE,
                    code,
                    Message.of("row.no_rules", "kind", rules.kindOf(code))));
            kind = rules.sets().get(0); // read all the same, so that its cells are counted and checked
        }
        SubmissionCells.Readings read = cells.get(kind)
                .read(
                        id -> slot(form.criteria().get(id), true, id + " " + FormLayout.SELF.toLowerCase()),
                        id -> slot(form.criteria().get(id), false, id + " " + FormLayout.VERIFIED.toLowerCase()),
                        id -> slot(form.facts().get(id), true, id),
                        (severity, slot, reason) ->
                                problem(form, severity, slot.cell(), slot.row(), slot.column(), code, reason),
                        problems);
        boolean accepted = problems.stream().noneMatch(p -> p.severity() == Severity.REJECTED);
        int row = form.code() != null ? form.code().row() : 1;
        return new IngestRecord(
                form.file(),
                form.sheet(),
                row,
                code,
                accepted,
                accepted ? new Submission(code, read.self(), read.verified(), read.facts()) : null,
                problems,
                IngestRecord.Source.FORM,
                HEADER_CELLS + read.cellsRead(),
                invalid + read.cellsInvalid(),
                form.properties());
    }

    private boolean yearIsRight(FilledForm form, String code, List<Problem> problems) {
        if (form.year() == null) {
            problems.add(problem(
                    form,
                    Severity.REJECTED,
                    null,
                    0,
                    FormLayout.YEAR,
                    code,
                    Message.of("form.no_label", "label", FormLayout.YEAR)));
            return false;
        }
        ParsedValue<BigDecimal> parsed = parser.wholeNumber(form.year().cell());
        if (!parsed.isValid() || parsed.value() == null || parsed.value().intValue() != year) {
            Message wrong = !parsed.isValid()
                    ? Message.of("form.year_unreadable", "why", parsed.error(), "year", String.valueOf(year))
                    : parsed.value() == null
                            ? Message.of("form.no_year", "year", String.valueOf(year))
                            : Message.of(
                                    "form.other_year",
                                    "found",
                                    parsed.value().toPlainString(),
                                    "year",
                                    String.valueOf(year));
            problems.add(problem(
                    form, Severity.REJECTED, form.year().cell(), form.year().row(), FormLayout.YEAR, code, wrong));
            return false;
        }
        return true;
    }

    private boolean codeIsKnown(FilledForm form, String code, List<Problem> problems) {
        Message error = form.code() == null
                ? Message.of("form.no_label", "label", FormLayout.CODE)
                : RowValidator.codeError(form.code().cell(), code, registry.keySet());
        if (error != null) {
            problems.add(problem(
                    form,
                    Severity.REJECTED,
                    form.code() == null ? null : form.code().cell(),
                    form.code() == null ? 0 : form.code().row(),
                    FormLayout.CODE,
                    code,
                    error));
        }
        return error == null;
    }

    /** The registry's name is used; a name typed in a legacy font is read, and a different name is pointed out. */
    private void checkName(FilledForm form, String code, List<Problem> problems) {
        if (form.name() == null || form.name().cell() == null || !registry.containsKey(code)) {
            return;
        }
        SheetCell cell = form.name().cell();
        PersonName typed = PersonName.of(cell.text());
        String name = typed.text();
        for (Message done : typed.corrections()) {
            problems.add(problem(form, Severity.CORRECTED, cell, form.name().row(), FormLayout.NAME, code, done));
        }
        String registered = registry.get(code);
        if (!name.equalsIgnoreCase(Texts.clean(registered))) {
            problems.add(problem(
                    form,
                    Severity.NOTE,
                    cell,
                    form.name().row(),
                    FormLayout.NAME,
                    code,
                    Message.of("form.name_differs", "registered", registered)));
        }
    }

    private static SubmissionCells.Slot slot(FilledForm.Line line, boolean self, String column) {
        return line == null ? null : new SubmissionCells.Slot(self ? line.self() : line.verified(), line.row(), column);
    }

    private static Problem problem(
            FilledForm form, Severity severity, SheetCell cell, int row, String column, String code, Message reason) {
        return new Problem(
                severity,
                form.file(),
                form.sheet(),
                row,
                cell == null ? "" : cell.ref(),
                column,
                code,
                cell == null ? "" : cell.text(),
                reason);
    }
}
