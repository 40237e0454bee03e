package vn.unionreview.run.workfiles;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

/**
 * How an accepted submission is kept between steps (in the run's work files, see {@link WorkFiles}): three sections,
 * self scores, verified scores and facts, each {@code id=value} pairs, decimals as exact plain strings and yes/no facts
 * as Y or N:
 *
 * <pre>C1=12.5;C2=3|C1=10|members_total=40;has_plan=Y</pre>
 *
 * Rule ids ({@code [A-Za-z][A-Za-z0-9_-]*}) and decimals never contain the separators. It is read back three times per
 * run (score, statistics, workbook), so it is plain text rather than JSON: at 150,000 branches JSON's writing and
 * parsing cost seconds.
 */
final class StoredSubmission {

    private static final char SECTION = '|';
    private static final char PAIR = ';';
    private static final char VALUE = '=';

    private StoredSubmission() {}

    static String write(Submission s) {
        StringBuilder out = new StringBuilder(256);
        s.self().forEach((id, v) -> pair(out, id, 0).append(v.toPlainString()));
        out.append(SECTION);
        int verified = out.length();
        s.verified().forEach((id, v) -> pair(out, id, verified).append(v.toPlainString()));
        out.append(SECTION);
        int facts = out.length();
        s.facts()
                .forEach((id, v) -> pair(out, id, facts)
                        .append(
                                v instanceof FactValue.YesNo yesNo
                                        ? (yesNo.value() ? "Y" : "N")
                                        : ((FactValue.Amount) v).value().toPlainString()));
        return out.toString();
    }

    /** Appends "id=" after a ";" unless this is the section's first pair (the section starts at {@code start}). */
    private static StringBuilder pair(StringBuilder out, String id, int start) {
        if (out.length() > start) {
            out.append(PAIR);
        }
        return out.append(id).append(VALUE);
    }

    static Submission read(String code, String stored) {
        int verified = stored.indexOf(SECTION);
        int facts = stored.indexOf(SECTION, verified + 1);
        if (verified < 0 || facts < 0) {
            throw new IllegalStateException("stored submission of " + code + " is not in the expected form: " + stored);
        }
        Map<String, FactValue> factValues = new HashMap<>();
        forEachPair(
                stored,
                facts + 1,
                stored.length(),
                (id, v) -> factValues.put(
                        id,
                        v.equals("Y")
                                ? FactValue.of(true)
                                : v.equals("N") ? FactValue.of(false) : FactValue.of(new BigDecimal(v))));
        return new Submission(code, decimals(stored, 0, verified), decimals(stored, verified + 1, facts), factValues);
    }

    private static Map<String, BigDecimal> decimals(String stored, int from, int to) {
        Map<String, BigDecimal> map = new HashMap<>();
        forEachPair(stored, from, to, (id, v) -> map.put(id, new BigDecimal(v)));
        return map;
    }

    private static void forEachPair(String stored, int from, int to, BiConsumer<String, String> action) {
        int at = from;
        while (at < to) {
            int end = stored.indexOf(PAIR, at);
            if (end < 0 || end > to) {
                end = to;
            }
            int eq = stored.indexOf(VALUE, at);
            action.accept(stored.substring(at, eq), stored.substring(eq + 1, end));
            at = end + 1;
        }
    }
}
