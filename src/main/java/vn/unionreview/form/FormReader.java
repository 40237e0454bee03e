package vn.unionreview.form;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.unionreview.ingest.BranchRules;
import vn.unionreview.ingest.CellKind;
import vn.unionreview.ingest.InputFile;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.SheetCell;
import vn.unionreview.ingest.SheetRow;
import vn.unionreview.ingest.SpreadsheetContent;
import vn.unionreview.ingest.UnreadableFileException;
import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Message;

/**
 * Finds a self-assessment form in an xlsx or xls file by its labels and ids: the sheet holding the "Mã CĐCS" label and
 * the criteria table header, whatever it is called; header fields by their labels; criterion and fact rows by the id in
 * the "Mã" column, wherever they moved to.
 */
public final class FormReader {

    private static final Logger LOG = LoggerFactory.getLogger(FormReader.class);

    private final BranchRules rules;
    private final InputLimits limits;

    public FormReader(RuleSet rules) {
        this(rules, InputLimits.DEFAULTS);
    }

    public FormReader(RuleSet rules, InputLimits limits) {
        this(BranchRules.of(rules), limits);
    }

    /** @param rules which rule set a branch's form is: in a year ruled by kind, its kind's */
    public FormReader(BranchRules rules, InputLimits limits) {
        this.rules = rules;
        this.limits = limits;
    }

    /** One file of the forms folder: the form in it, or why none could be read. Never throws. */
    public FormFile readFile(InputFile file) {
        String name = file.displayName();
        if (file.nameError() != null) {
            return new FormFile(name, null, file.nameError());
        }
        try {
            return new FormFile(name, read(file.path(), name), null);
        } catch (UnreadableFileException e) {
            return new FormFile(name, null, e.reason());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a damaged file can fail deep inside the parser in ways no check foresees: it must not stop the job
            LOG.warn("{}: not readable", name, e);
            return new FormFile(name, null, Message.of("file.damaged"));
        }
    }

    /** @throws UnreadableFileException when the file is not a readable workbook or holds no form (or two) */
    public FilledForm read(Path path, String displayName) {
        SpreadsheetContent content = SpreadsheetContent.read(path, displayName, limits);
        List<SpreadsheetContent.Sheet> forms =
                content.sheets().stream().filter(FormReader::holdsForm).toList();
        if (forms.isEmpty()) {
            throw new UnreadableFileException(
                    displayName,
                    Message.of(
                            "form.none",
                            "code_label",
                            FormLayout.CODE,
                            "id",
                            FormLayout.ID,
                            "self",
                            FormLayout.SELF,
                            "verified",
                            FormLayout.VERIFIED));
        }
        if (forms.size() > 1) {
            throw new UnreadableFileException(
                    displayName,
                    Message.of(
                            "form.several",
                            "sheets",
                            String.join(
                                    ", ",
                                    forms.stream()
                                            .map(s -> "'" + s.name() + "'")
                                            .toList())));
        }
        return read(content, forms.get(0));
    }

    private static boolean holdsForm(SpreadsheetContent.Sheet sheet) {
        return sheet.rows().stream().anyMatch(r -> labelled(r, FormLayout.CODE))
                && sheet.rows().stream().anyMatch(FormReader::isTableHeader);
    }

    private FilledForm read(SpreadsheetContent content, SpreadsheetContent.Sheet sheet) {
        List<Message> errors = new ArrayList<>();
        FilledForm.Field year = null;
        FilledForm.Field code = null;
        FilledForm.Field name = null;
        Map<String, Criterion> criteria = new HashMap<>();
        rules.criteria().forEach(c -> criteria.put(FormLayout.key(c.id()), c));
        Map<String, Fact> facts = new HashMap<>();
        rules.facts().forEach(f -> facts.put(FormLayout.key(f.id()), f));
        Map<String, FilledForm.Line> criterionLines = new LinkedHashMap<>();
        Map<String, FilledForm.Line> factLines = new LinkedHashMap<>();
        int idColumn = -1;
        int selfColumn = -1;
        int verifiedColumn = -1;
        for (SheetRow row : sheet.rows()) {
            if (isTableHeader(row)) {
                idColumn = column(row, FormLayout.ID);
                selfColumn = column(row, FormLayout.SELF) >= 0
                        ? column(row, FormLayout.SELF)
                        : column(row, FormLayout.VALUE);
                verifiedColumn = column(row, FormLayout.VERIFIED);
                continue;
            }
            if (year == null && labelled(row, FormLayout.YEAR)) {
                year = field(row);
            } else if (code == null && labelled(row, FormLayout.CODE)) {
                code = field(row);
            } else if (name == null && labelled(row, FormLayout.NAME)) {
                name = field(row);
            }
            if (idColumn < 0 || row.cell(idColumn) == null) {
                continue;
            }
            String id = FormLayout.key(row.cell(idColumn).text());
            FilledForm.Line line = new FilledForm.Line(
                    row.number(), row.cell(selfColumn), verifiedColumn < 0 ? null : row.cell(verifiedColumn));
            if (criteria.containsKey(id)) {
                put(criterionLines, criteria.get(id).id(), line, errors);
            } else if (facts.containsKey(id)) {
                put(factLines, facts.get(id).id(), line, errors);
            }
        }
        // the form of the branch's kind; a branch without one is refused by the validator
        RuleSet kind = code == null ? rules.sets().get(0) : rules.of(RowValidator.codeOf(code.cell()));
        if (kind != null) {
            for (Criterion c : kind.criteria()) {
                if (!criterionLines.containsKey(c.id())) {
                    errors.add(Message.of("form.no_criterion_row", "criterion", c.id()));
                }
            }
            for (Fact f : kind.facts()) {
                if (!factLines.containsKey(f.id())) {
                    errors.add(Message.of("form.no_fact_row", "fact", f.id()));
                }
            }
        }
        return new FilledForm(
                content.file(),
                sheet.name(),
                content.properties(),
                year,
                code,
                name,
                criterionLines,
                factLines,
                errors);
    }

    private static void put(Map<String, FilledForm.Line> lines, String id, FilledForm.Line line, List<Message> errors) {
        FilledForm.Line before = lines.putIfAbsent(id, line);
        if (before != null) {
            errors.add(Message.of("form.row_twice", "id", id, "first", before.row(), "second", line.row()));
        }
    }

    /** The criteria or facts table header: "Mã" and "Tự chấm" (or "Giá trị") in one row. */
    private static boolean isTableHeader(SheetRow row) {
        return column(row, FormLayout.ID) >= 0
                && (column(row, FormLayout.SELF) >= 0 || column(row, FormLayout.VALUE) >= 0);
    }

    private static boolean labelled(SheetRow row, String label) {
        return !row.cells().isEmpty()
                && FormLayout.key(row.cells().get(0).text()).equals(FormLayout.key(label));
    }

    /** The first non-blank cell right of the label; null cell when there is none. */
    private static FilledForm.Field field(SheetRow row) {
        SheetCell value = row.cells().stream()
                .skip(1)
                .filter(c -> !FormLayout.key(c.text()).isEmpty() || c.kind() != CellKind.TEXT)
                .findFirst()
                .orElse(null);
        return new FilledForm.Field(value, row.number());
    }

    private static int column(SheetRow row, String label) {
        String wanted = FormLayout.key(label);
        return row.cells().stream()
                .filter(c -> FormLayout.key(c.text()).equals(wanted))
                .mapToInt(SheetCell::column)
                .findFirst()
                .orElse(-1);
    }
}
