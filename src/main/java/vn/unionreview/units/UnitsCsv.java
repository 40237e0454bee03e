package vn.unionreview.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.unionreview.files.Csv;
import vn.unionreview.text.Catalogue;

/**
 * units.csv of a province's run: one line per unit of the list, and per bundle that names none, with what became of it
 * and why: {@code code,name,state,reason_code,reason,bundle,sha256,signer,signed_at,decision,decision_date}.
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
            String decisionDate) {

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
                            row.get("decision_date"))));
        }
        return lines;
    }

    public static void write(Path file, List<Intake.Outcome> outcomes, Catalogue words) throws IOException {
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
                        "decision_date"),
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
                                    published ? c.index().publication().date() : "");
                        })
                        .toList());
    }
}
