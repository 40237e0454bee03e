package vn.unionreview.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import vn.unionreview.files.Csv;
import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;

/**
 * units.csv of a province's run: one line per unit of the list, and per bundle that names none, with what became of it
 * and why: {@code code,name,state,reason_code,reason,bundle,sha256,signer,signed_at,decision,decision_date,branches}
 * ({@code branches}: how many branches were taken from an accepted bundle).
 */
public final class UnitsCsv {

    /**
     * One line as a later step or the publication reads it back.
     *
     * @param state accepted, refused, missing, replaced or returned
     * @param reason why, in the run's first language; "" when accepted
     */
    public record Line(
            String code,
            String name,
            String state,
            String reason,
            String bundle,
            String sha256,
            String signer,
            String signedAt,
            String decision,
            String decisionDate,
            int branches) {

        public boolean accepted() {
            return state.equals("accepted");
        }

        /** Accepted, then returned by the province's council. */
        public boolean returned() {
            return state.equals("returned");
        }
    }

    private UnitsCsv() {}

    /** The run folder's units.csv, in its order; none when the run has no list of units (no such file). */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            Csv.forEachRow(
                    file,
                    row -> lines.add(new Line(
                            row.get("code"),
                            row.get("name"),
                            row.get("state"),
                            row.get("reason"),
                            row.get("bundle"),
                            row.get("sha256"),
                            row.get("signer"),
                            row.get("signed_at"),
                            row.get("decision"),
                            row.get("decision_date"),
                            row.get("branches").isEmpty() ? 0 : Integer.parseInt(row.get("branches")))));
        }
        return lines;
    }

    /** @param taken how many branches were taken from each accepted bundle, by its file name */
    public static void write(Path file, List<Intake.Outcome> outcomes, Map<String, Integer> taken, Catalogue words)
            throws IOException {
        Csv.write(
                file,
                List.of(
                        "code",
                        "name",
                        "state",
                        "reason_code",
                        "reason",
                        "bundle",
                        "sha256",
                        "signer",
                        "signed_at",
                        "decision",
                        "decision_date",
                        "branches"),
                outcomes.stream()
                        .map(o -> {
                            BundleCheck.Checked c = o.checked();
                            boolean published =
                                    c != null && c.index() != null && c.index().publication() != null;
                            return List.of(
                                    o.unit() == null ? "" : o.unit().code(),
                                    o.unit() == null ? "" : o.unit().name(),
                                    o.state().name().toLowerCase(java.util.Locale.ROOT),
                                    o.reason() == null ? "" : o.reason().code(),
                                    o.reason() == null ? "" : words.render(o.reason()),
                                    o.bundle(),
                                    c == null ? "" : c.sha256(),
                                    c == null ? "" : c.signer(),
                                    c == null ? "" : c.signedAt(),
                                    published ? c.index().publication().number() : "",
                                    published ? c.index().publication().date() : "",
                                    o.state() == Intake.State.ACCEPTED
                                            ? Integer.toString(taken.getOrDefault(o.bundle(), 0))
                                            : "");
                        })
                        .toList());
    }

    /**
     * The line said after a province's run and written to its summary.txt: how many units the list has, what became of
     * each (its result taken, returned, refused, or not sent; the earlier bundles later ones replaced), and how many
     * branches they rated.
     */
    public static Message summary(List<Line> lines) {
        Map<String, Set<String>> statesByUnit = new LinkedHashMap<>();
        long replaced = 0;
        int branches = 0;
        for (Line u : lines) {
            if (!u.code().isEmpty()) {
                statesByUnit.computeIfAbsent(u.code(), c -> new HashSet<>()).add(u.state());
            }
            replaced += u.state().equals("replaced") ? 1 : 0;
            branches += u.branches();
        }
        Map<String, Long> units = new HashMap<>();
        for (Set<String> states : statesByUnit.values()) {
            // what became of the unit: its standing bundle's state, else why it has none
            String state = Stream.of("accepted", "returned", "refused")
                    .filter(states::contains)
                    .findFirst()
                    .orElse("missing");
            units.merge(state, 1L, Long::sum);
        }
        return Message.of(
                "summary.units",
                "listed",
                statesByUnit.size(),
                "accepted",
                units.getOrDefault("accepted", 0L),
                "returned",
                units.getOrDefault("returned", 0L),
                "refused",
                units.getOrDefault("refused", 0L),
                "missing",
                units.getOrDefault("missing", 0L),
                "replaced",
                replaced,
                "branches",
                branches);
    }
}
