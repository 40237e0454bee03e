package vn.unionreview.ingest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchHistory;
import vn.unionreview.text.Message;

/**
 * Reads the branch registry: header {@code code,name,bloc} (any order, any case), and optionally a branch's history:
 * {@code established}, {@code reorganised}, {@code dissolved} (dates written 2026-03-01 or 01/03/2026, or date cells)
 * and {@code predecessors} (codes separated by ";"). Other columns are reported and ignored. A history value that
 * cannot be used (not a date, founded after the date rating looks at, dissolved before founded, a predecessor that is
 * the branch itself or leads back to it) is refused with its cell, and the branch kept without it. A row is rejected,
 * with its cell, when its code is missing, repeated or not a code ({@link Bounds#codeError}), or its name or bloc is
 * missing or longer than {@link Bounds#NAME} / {@link Bounds#BLOC}. Names and blocs are cleaned like any typed name
 * ({@link PersonName}: control characters removed, TCVN3 and VNI converted), each change reported. An optional column
 * {@code kind} gives the branch's kind of branch; in a year ruled by kind, an empty kind or one without a rule set is
 * refused with its cell, and the branch kept (it is then not rated).
 *
 * <p>Every branch must be known before any submission is judged, so a registry that cannot be read whole (not a
 * spreadsheet, its header lacking a column, its structure broken partway) is refused with an {@link InputException}
 * naming the file and where: the run does not start.
 */
public final class RegistryReader {

    private static final List<String> COLUMNS = List.of("code", "name", "bloc");
    private static final List<String> HISTORY =
            List.of("kind", "established", "reorganised", "dissolved", "predecessors");
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Day 0 of a spreadsheet's date numbers (1900 system, days from 1 March 1900 on). */
    private static final LocalDate SERIAL_ZERO = LocalDate.of(1899, 12, 30);

    private RegistryReader() {}

    public static Registry read(InputFile file) {
        return read(file, InputLimits.DEFAULTS);
    }

    public static Registry read(InputFile file, InputLimits limits) {
        return read(file, limits, null);
    }

    /**
     * The registry, a branch founded after {@code asOf} (the date rating looks at; null when the rule set has none)
     * refused.
     */
    public static Registry read(InputFile file, InputLimits limits, LocalDate asOf) {
        return read(file, limits, asOf, Set::of);
    }

    /**
     * The registry, a branch founded after {@code asOf} refused, and a predecessor that none of {@code knownBefore}
     * (the codes earlier years' results know, read only when a predecessor is given) noted.
     */
    public static Registry read(InputFile file, InputLimits limits, LocalDate asOf, Supplier<Set<String>> knownBefore) {
        return read(file, limits, asOf, knownBefore, Set.of());
    }

    /**
     * The registry as a run reads it: also each branch's kind checked against {@code kinds}, the ids of the year's
     * kinds (empty in a year with one rule set, where the kind is kept as written and not used).
     */
    public static Registry read(
            InputFile file, InputLimits limits, LocalDate asOf, Supplier<Set<String>> knownBefore, Set<String> kinds) {
        String fileName = file.displayName();
        if (file.nameError() != null) {
            throw new InputException(Message.of("registry.unusable", "file", fileName, "why", file.nameError()));
        }
        List<Branch> branches = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        int lastRow = 0;
        String sheet = "";
        Map<String, Integer> columns = new HashMap<>();
        try (SheetSource source = SheetSource.open(file.path(), fileName, limits)) {
            SheetRow header = source.next();
            if (header == null) {
                throw new InputException(
                        Message.of("registry.unusable", "file", fileName, "why", Message.of("registry.empty")));
            }
            lastRow = header.number();
            sheet = header.sheet();
            for (SheetCell cell : header.cells()) {
                String name = Texts.clean(cell.text()).toLowerCase(Locale.ROOT);
                if ((COLUMNS.contains(name) || HISTORY.contains(name)) && !columns.containsKey(name)) {
                    columns.put(name, cell.column());
                } else {
                    problems.add(new Problem(
                            Severity.NOTE,
                            fileName,
                            header.sheet(),
                            header.number(),
                            cell.ref(),
                            cell.text(),
                            "",
                            "",
                            Message.of("registry.column_ignored", "column", Texts.clean(cell.text()))));
                }
            }
            List<String> missing =
                    COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InputException(Message.of(
                        "registry.unusable",
                        "file",
                        fileName,
                        "why",
                        Message.of(
                                "registry.missing_columns",
                                "row",
                                header.number(),
                                "columns",
                                String.join(", ", missing))));
            }
            for (SheetRow row; (row = source.next()) != null; ) {
                rows++;
                lastRow = row.number();
                Branch branch = branch(row, columns, problems, asOf, kinds);
                if (branch == null) {
                    continue;
                }
                if (seen.containsKey(branch.code())) {
                    problems.add(new Problem(
                            Severity.REJECTED,
                            fileName,
                            row.sheet(),
                            row.number(),
                            SheetCell.ref(columns.get("code"), row.number()),
                            "code",
                            branch.code(),
                            branch.code(),
                            Message.of(
                                    "registry.code_repeated", "code", branch.code(), "row", seen.get(branch.code()))));
                } else {
                    seen.put(branch.code(), row.number());
                    branches.add(branch);
                }
            }
        } catch (UnreadableFileException e) {
            throw new InputException(Message.of("registry.unusable", "file", fileName, "why", e.reason()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException i) {
                throw i;
            }
            throw new InputException(Message.of(
                    "registry.unusable",
                    "file",
                    fileName,
                    "why",
                    Message.of("registry.broken", "row", lastRow, "why", BrokenInputException.reasonOf(e))));
        }
        Where where = new Where(fileName, sheet, seen, columns.getOrDefault("predecessors", 0));
        List<Branch> kept = withoutCircles(branches, problems, where);
        noteUnknownPredecessors(kept, problems, where, knownBefore);
        return new Registry(kept, problems, rows);
    }

    /**
     * A note for each predecessor that no earlier year's results know: a code mistyped, or a branch that had no result
     * (the year over year then shows the branch as new). Earlier years are read only when a predecessor is given, and
     * nothing is said when there are none.
     */
    private static void noteUnknownPredecessors(
            List<Branch> branches, List<Problem> problems, Where where, Supplier<Set<String>> knownBefore) {
        if (branches.stream().allMatch(b -> b.history().predecessors().isEmpty())) {
            return;
        }
        Set<String> known = knownBefore.get();
        if (known.isEmpty()) {
            return;
        }
        for (Branch branch : branches) {
            for (String predecessor : branch.history().predecessors()) {
                if (!known.contains(predecessor)) {
                    problems.add(where.problem(
                            Severity.NOTE,
                            branch.code(),
                            predecessor,
                            Message.of("registry.predecessor_unknown", "predecessor", predecessor)));
                }
            }
        }
    }

    /** Where a branch's predecessors cell is: the file, its sheet, each code's row, the column. */
    private record Where(String file, String sheet, Map<String, Integer> rowOf, int column) {

        Problem problem(Severity severity, String code, String value, Message reason) {
            int row = rowOf.get(code);
            return new Problem(
                    severity, file, sheet, row, SheetCell.ref(column, row), "predecessors", code, value, reason);
        }
    }

    /**
     * The branches, each predecessor that leads back to its own branch (through the registry's other branches) refused.
     */
    private static List<Branch> withoutCircles(List<Branch> branches, List<Problem> problems, Where where) {
        Map<String, Branch> byCode = new HashMap<>();
        branches.forEach(b -> byCode.put(b.code(), b));
        List<Branch> kept = new ArrayList<>();
        for (Branch branch : branches) {
            List<String> circular = branch.history().predecessors().stream()
                    .filter(p -> leadsBack(p, branch.code(), byCode))
                    .toList();
            if (circular.isEmpty()) {
                kept.add(branch);
                continue;
            }
            problems.add(where.problem(
                    Severity.REJECTED,
                    branch.code(),
                    String.join(";", circular),
                    Message.of(
                            "registry.predecessor_circle",
                            "code",
                            branch.code(),
                            "predecessors",
                            String.join(";", circular))));
            BranchHistory h = branch.history();
            List<String> rest =
                    h.predecessors().stream().filter(p -> !circular.contains(p)).toList();
            kept.add(new Branch(
                    branch.code(),
                    branch.name(),
                    branch.bloc(),
                    branch.kind(),
                    new BranchHistory(h.established(), h.reorganised(), h.dissolved(), rest)));
        }
        return kept;
    }

    /** Whether following predecessors from {@code from} reaches {@code code}. */
    private static boolean leadsBack(String from, String code, Map<String, Branch> byCode) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            String at = next.pop();
            if (at.equals(code)) {
                return true;
            }
            Branch branch = byCode.get(at);
            if (seen.add(at) && branch != null) {
                next.addAll(branch.history().predecessors());
            }
        }
        return false;
    }

    /** The row's branch, or null when the row is rejected (its problems added). */
    private static Branch branch(
            SheetRow row, Map<String, Integer> columns, List<Problem> problems, LocalDate asOf, Set<String> kinds) {
        SheetCell codeCell = row.cell(columns.get("code"));
        String code = RowValidator.codeOf(codeCell);
        Message codeError =
                code.isEmpty() ? Message.of("registry.no_code") : RowValidator.codeError(codeCell, code, Set.of(code));
        if (codeError != null) {
            problems.add(problem(row, columns, "code", code, codeCell, codeError));
            return null;
        }
        String name = name(row, columns, "name", Bounds.NAME, code, problems);
        String bloc = name(row, columns, "bloc", Bounds.BLOC, code, problems);
        return name == null || bloc == null
                ? null
                : new Branch(
                        code,
                        name,
                        bloc,
                        kind(row, columns, code, problems, kinds),
                        history(row, columns, code, problems, asOf));
    }

    /** The row's kind as written, its cell refused when the year is ruled by kind and has no rule set for it. */
    private static String kind(
            SheetRow row, Map<String, Integer> columns, String code, List<Problem> problems, Set<String> kinds) {
        SheetCell cell = columns.containsKey("kind") ? row.cell(columns.get("kind")) : null;
        String kind = cell == null ? "" : Texts.clean(cell.text());
        if (kinds.isEmpty()) {
            return kind;
        }
        String known = String.join(", ", new TreeSet<>(kinds));
        if (kind.isEmpty()) {
            problems.add(kindProblem(row, columns, code, cell, Message.of("registry.kind_missing", "kinds", known)));
        } else if (!kinds.contains(kind)) {
            problems.add(kindProblem(
                    row, columns, code, cell, Message.of("registry.kind_unknown", "kind", kind, "kinds", known)));
        }
        return kind;
    }

    private static Problem kindProblem(
            SheetRow row, Map<String, Integer> columns, String code, SheetCell cell, Message reason) {
        return columns.containsKey("kind")
                ? problem(row, columns, "kind", code, cell, reason)
                : new Problem(Severity.REJECTED, row.file(), row.sheet(), row.number(), "", "kind", code, "", reason);
    }

    /** The row's history columns; a value that cannot be used is refused with its cell and left out. */
    private static BranchHistory history(
            SheetRow row, Map<String, Integer> columns, String code, List<Problem> problems, LocalDate asOf) {
        LocalDate established = date(row, columns, "established", code, problems);
        if (established != null && asOf != null && established.isAfter(asOf)) {
            problems.add(problem(
                    row,
                    columns,
                    "established",
                    code,
                    row.cell(columns.get("established")),
                    Message.of(
                            "registry.established_after", "date", established.toString(), "as_of", asOf.toString())));
            established = null;
        }
        LocalDate reorganised = date(row, columns, "reorganised", code, problems);
        LocalDate dissolved = date(row, columns, "dissolved", code, problems);
        if (dissolved != null && established != null && dissolved.isBefore(established)) {
            problems.add(problem(
                    row,
                    columns,
                    "dissolved",
                    code,
                    row.cell(columns.get("dissolved")),
                    Message.of(
                            "registry.dissolved_before",
                            "date",
                            dissolved.toString(),
                            "established",
                            established.toString())));
            dissolved = null;
        }
        List<String> predecessors = new ArrayList<>();
        SheetCell cell = columns.containsKey("predecessors") ? row.cell(columns.get("predecessors")) : null;
        for (String part :
                cell == null ? new String[0] : Texts.clean(cell.text()).split(";")) {
            String predecessor = part.strip();
            if (predecessor.isEmpty() || predecessors.contains(predecessor)) {
                continue;
            }
            Message wrong = predecessor.equals(code)
                    ? Message.of("registry.predecessor_itself", "code", code)
                    : Bounds.codeError(predecessor);
            if (wrong != null) {
                problems.add(problem(row, columns, "predecessors", code, cell, wrong));
            } else {
                predecessors.add(predecessor);
            }
        }
        return established == null && reorganised == null && dissolved == null && predecessors.isEmpty()
                ? BranchHistory.NONE
                : new BranchHistory(established, reorganised, dissolved, predecessors);
    }

    /** A date column's value: null when the column is absent or the cell empty, or when it is refused. */
    private static LocalDate date(
            SheetRow row, Map<String, Integer> columns, String column, String code, List<Problem> problems) {
        if (!columns.containsKey(column)) {
            return null;
        }
        SheetCell cell = row.cell(columns.get(column));
        String text = cell == null ? "" : Texts.clean(cell.text()).strip();
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = parseDate(text, cell.kind());
        if (date == null) {
            problems.add(
                    problem(row, columns, column, code, cell, Message.of("registry.not_a_date", "column", column)));
        }
        return date;
    }

    /** 2026-03-01, 01/03/2026, or a spreadsheet's date number; null for anything else. */
    static LocalDate parseDate(String text, CellKind kind) {
        try {
            if (kind == CellKind.NUMBER && text.matches("\\d{1,6}")) {
                long serial = Long.parseLong(text);
                return serial > 60 ? SERIAL_ZERO.plusDays(serial) : null;
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
            if (text.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.parse(text, DAY_MONTH_YEAR);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** A name or bloc, cleaned, with every correction noted; null when the row is rejected for it. */
    private static String name(
            SheetRow row, Map<String, Integer> columns, String column, int bound, String code, List<Problem> problems) {
        SheetCell cell = row.cell(columns.get(column));
        if (cell != null && cell.kind() == CellKind.OVERSIZED) {
            problems.add(problem(row, columns, column, code, cell, CellParser.OVERSIZED));
            return null;
        }
        PersonName name = PersonName.of(cell == null ? "" : cell.text());
        if (name.text().isEmpty()) {
            problems.add(problem(row, columns, column, code, cell, Message.of("registry.no_value", "column", column)));
            return null;
        }
        if (name.text().length() > bound) {
            problems.add(problem(
                    row,
                    columns,
                    column,
                    code,
                    cell,
                    Message.of(
                            "registry.too_long",
                            "column",
                            column,
                            "length",
                            name.text().length(),
                            "max",
                            bound)));
            return null;
        }
        for (Message done : name.corrections()) {
            problems.add(new Problem(
                    Severity.CORRECTED,
                    row.file(),
                    row.sheet(),
                    row.number(),
                    SheetCell.ref(columns.get(column), row.number()),
                    column,
                    code,
                    cell.text(),
                    done));
        }
        return name.text();
    }

    private static Problem problem(
            SheetRow row, Map<String, Integer> columns, String column, String code, SheetCell cell, Message reason) {
        return new Problem(
                Severity.REJECTED,
                row.file(),
                row.sheet(),
                row.number(),
                SheetCell.ref(columns.get(column), row.number()),
                column,
                code,
                cell == null ? "" : cell.text(),
                reason);
    }
}
