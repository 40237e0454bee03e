package vn.unionreview.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.unionreview.ingest.InputLimits;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.Severity;
import vn.unionreview.ingest.SheetCell;
import vn.unionreview.ingest.SheetRow;
import vn.unionreview.ingest.SheetSource;
import vn.unionreview.ingest.Texts;
import vn.unionreview.ingest.UnreadableFileException;
import vn.unionreview.sign.ManifestSignature;
import vn.unionreview.text.Message;

/**
 * {@code units.csv} (or .xlsx) of a province's year: the unions beneath it, columns {@code code}, {@code name} and
 * {@code certificate} (the file, relative to the year folder, that the unit's signatures must chain to). A row that
 * cannot be used is refused with its cell, and a certificate that does not exist or cannot be read is named; the unit
 * is kept without it, so its signed bundle is refused saying why. Nothing here throws for what the file holds.
 */
public final class UnitsList {

    /** The units, and what was wrong with the list. */
    public record Read(List<Unit> units, List<Problem> problems) {}

    /** Its columns; others are ignored. */
    public static final List<String> COLUMNS = List.of("code", "name", "certificate");

    private UnitsList() {}

    public static Read read(Path file, String displayName, Path yearDir, InputLimits limits) {
        List<Unit> units = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (SheetSource source = SheetSource.open(file, displayName, limits)) {
            SheetRow header = source.next();
            Map<String, Integer> columns = new HashMap<>();
            if (header != null) {
                for (SheetCell cell : header.cells()) {
                    columns.putIfAbsent(Texts.clean(cell.text()).toLowerCase(Locale.ROOT), cell.column());
                }
            }
            List<String> missing =
                    COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
            if (header == null || !missing.isEmpty()) {
                problems.add(Problem.ofFile(
                        Severity.REJECTED,
                        displayName,
                        Message.of(
                                "units.list_columns",
                                "columns",
                                String.join(", ", missing.isEmpty() ? COLUMNS : missing))));
                return new Read(units, problems);
            }
            for (SheetRow row; (row = source.next()) != null; ) {
                String code = RowValidator.codeOf(row.cell(columns.get("code")));
                String name = text(row, columns.get("name"));
                String certificate = text(row, columns.get("certificate"));
                if (code.isEmpty() || name.isEmpty()) {
                    problems.add(problem(row, code, Message.of("units.list_row_incomplete")));
                    continue;
                }
                Integer before = seen.putIfAbsent(code, row.number());
                if (before != null) {
                    problems.add(problem(row, code, Message.of("units.list_code_twice", "code", code, "row", before)));
                    continue;
                }
                units.add(new Unit(code, name, certificate(row, code, certificate, yearDir, problems)));
            }
        } catch (UnreadableFileException e) {
            problems.add(Problem.ofFile(Severity.REJECTED, displayName, e.reason()));
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.ofFile(
                    Severity.REJECTED,
                    displayName,
                    Message.of("units.unreadable", "file", displayName, "detail", String.valueOf(e.getMessage()))));
        }
        return new Read(units, problems);
    }

    /** The unit's certificate, or null (the problem named) when there is none to read. */
    private static java.security.cert.X509Certificate certificate(
            SheetRow row, String code, String certificate, Path yearDir, List<Problem> problems) {
        if (certificate.isEmpty()) {
            return null;
        }
        Path file = yearDir.resolve(certificate).normalize();
        if (!file.startsWith(yearDir.normalize()) || !Files.isRegularFile(file)) {
            problems.add(problem(
                    row, code, Message.of("units.certificate_missing", "unit", code, "certificate", certificate)));
            return null;
        }
        try {
            return ManifestSignature.readCertificate(file);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            problems.add(problem(
                    row,
                    code,
                    Message.of(
                            "units.certificate_unreadable",
                            "unit",
                            code,
                            "certificate",
                            certificate,
                            "detail",
                            String.valueOf(e.getMessage()))));
            return null;
        }
    }

    private static String text(SheetRow row, int column) {
        SheetCell cell = row.cell(column);
        return cell == null ? "" : Texts.clean(cell.text());
    }

    private static Problem problem(SheetRow row, String code, Message reason) {
        return new Problem(Severity.REJECTED, row.file(), row.sheet(), row.number(), "", "", code, "", reason);
    }
}
