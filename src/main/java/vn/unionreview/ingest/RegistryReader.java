package vn.unionreview.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.unionreview.scoring.Branch;

/**
 * Reads the branch registry: header {@code code,name,bloc} (any order, any case; other columns are
 * reported and ignored). A row without code, name or bloc, or repeating a code, is rejected.
 */
public final class RegistryReader {

    private RegistryReader() {
    }

    public static Registry read(InputFile file) {
        List<Branch> branches = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        try (SheetSource source = SheetSource.open(file.path(), file.name())) {
            SheetRow header = source.next();
            if (header == null) {
                throw new InputException(file.name() + ": the registry is empty");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (SheetCell cell : header.cells()) {
                String name = Texts.clean(cell.text()).toLowerCase(Locale.ROOT);
                if (List.of("code", "name", "bloc").contains(name)) {
                    columns.put(name, cell.column());
                } else {
                    problems.add(new Problem(Severity.NOTE, file.name(), header.sheet(), header.number(), cell.ref(),
                            Texts.clean(cell.text()), "", "", "registry column '" + Texts.clean(cell.text()) + "' ignored"));
                }
            }
            List<String> missing = List.of("code", "name", "bloc").stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InputException(file.name() + ": the registry header (row " + header.number()
                        + ") has no column " + String.join(", ", missing));
            }
            for (SheetRow row; (row = source.next()) != null; ) {
                rows++;
                String code = RowValidator.normalizeCode(text(row, columns.get("code")));
                String name = Texts.clean(text(row, columns.get("name")));
                String bloc = Texts.clean(text(row, columns.get("bloc")));
                String missingValue = code.isEmpty() ? "code" : name.isEmpty() ? "name" : bloc.isEmpty() ? "bloc" : null;
                if (missingValue != null) {
                    problems.add(new Problem(Severity.REJECTED, file.name(), row.sheet(), row.number(),
                            SheetCell.ref(columns.get(missingValue), row.number()), missingValue, code, "",
                            "registry row has no " + missingValue));
                } else if (seen.containsKey(code)) {
                    problems.add(new Problem(Severity.REJECTED, file.name(), row.sheet(), row.number(),
                            SheetCell.ref(columns.get("code"), row.number()), "code", code, code,
                            "code " + code + " repeats registry row " + seen.get(code)));
                } else {
                    seen.put(code, row.number());
                    branches.add(new Branch(code, name, bloc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnreadableFileException e) {
            throw new InputException(file.name() + ": " + e.getMessage());
        }
        return new Registry(branches, problems, rows);
    }

    private static String text(SheetRow row, int column) {
        SheetCell cell = row.cell(column);
        return cell == null ? "" : cell.text();
    }
}
