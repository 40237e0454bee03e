package vn.unionreview.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.unionreview.scoring.Branch;
import vn.unionreview.text.Message;

/**
 * Reads the branch registry: header {@code code,name,bloc} (any order, any case; other columns are reported and
 * ignored). A row is rejected, with its cell, when its code is missing, repeated or not a code
 * ({@link Bounds#codeError}), or its name or bloc is missing or longer than {@link Bounds#NAME} / {@link Bounds#BLOC}.
 * Names and blocs are cleaned like any typed name ({@link PersonName}: control characters removed, TCVN3 and VNI
 * converted), each change reported.
 *
 * <p>Every branch must be known before any submission is judged, so a registry that cannot be read whole (not a
 * spreadsheet, its header lacking a column, its structure broken partway) is refused with an {@link InputException}
 * naming the file and where: the run does not start.
 */
public final class RegistryReader {

    private static final List<String> COLUMNS = List.of("code", "name", "bloc");

    private RegistryReader() {}

    public static Registry read(InputFile file) {
        return read(file, InputLimits.DEFAULTS);
    }

    public static Registry read(InputFile file, InputLimits limits) {
        String fileName = file.displayName();
        if (file.nameError() != null) {
            throw new InputException(Message.of("registry.unusable", "file", fileName, "why", file.nameError()));
        }
        List<Branch> branches = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        int lastRow = 0;
        try (SheetSource source = SheetSource.open(file.path(), fileName, limits)) {
            SheetRow header = source.next();
            if (header == null) {
                throw new InputException(
                        Message.of("registry.unusable", "file", fileName, "why", Message.of("registry.empty")));
            }
            lastRow = header.number();
            Map<String, Integer> columns = new HashMap<>();
            for (SheetCell cell : header.cells()) {
                String name = Texts.clean(cell.text()).toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(name) && !columns.containsKey(name)) {
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
                Branch branch = branch(row, columns, problems);
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
        return new Registry(branches, problems, rows);
    }

    /** The row's branch, or null when the row is rejected (its problems added). */
    private static Branch branch(SheetRow row, Map<String, Integer> columns, List<Problem> problems) {
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
        return name == null || bloc == null ? null : new Branch(code, name, bloc);
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
