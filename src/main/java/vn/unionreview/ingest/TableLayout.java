package vn.unionreview.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vn.unionreview.rules.Criterion;
import vn.unionreview.rules.Fact;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Message;

/**
 * What each column of a consolidated table holds, read from its header row: {@code code}, a criterion id (self score),
 * {@code <criterion>.verified}, or a fact id. Header matching ignores case and spaces. A missing criterion column makes
 * the whole file unusable.
 */
public record TableLayout(
        String file,
        String sheet,
        int headerRow,
        int codeColumn,
        Map<String, Integer> selfColumns,
        Map<String, Integer> verifiedColumns,
        Map<String, Integer> factColumns,
        List<String> headers,
        List<Problem> notes,
        Message fileError) {

    public static final String VERIFIED_SUFFIX = ".verified";
    /** Columns a table may carry for people to read; the registry is what counts for them. */
    private static final Set<String> INFORMATIONAL = Set.of("name", "bloc");

    public boolean usable() {
        return fileError == null;
    }

    /** The last column a row must reach: the rightmost of code, scores and facts. */
    public int lastUsedColumn() {
        int last = codeColumn;
        for (Map<String, Integer> columns : List.of(selfColumns, verifiedColumns, factColumns)) {
            for (int c : columns.values()) {
                last = Math.max(last, c);
            }
        }
        return last;
    }

    public String header(int column) {
        return column < headers.size() ? headers.get(column) : "";
    }

    public static TableLayout unreadable(String file, Message reason) {
        return new TableLayout(
                file,
                "",
                0,
                -1,
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(Problem.ofFile(Severity.REJECTED, file, reason)),
                reason);
    }

    public static TableLayout of(RuleSet rules, SheetRow header, List<Message> readNotes) {
        return of(BranchRules.of(rules), header, readNotes);
    }

    /**
     * The layout of a table read with the year's rules. In a year ruled by kind, a table may hold one kind or several:
     * its columns are those of any kind, and only a table with no kind's criteria all there is unusable (each row is
     * then checked against its branch's kind).
     */
    public static TableLayout of(BranchRules rules, SheetRow header, List<Message> readNotes) {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        rules.criteria().forEach(c -> criteria.put(key(c.id()), c));
        Map<String, Fact> facts = new LinkedHashMap<>();
        rules.facts().forEach(f -> facts.put(key(f.id()), f));

        List<Problem> notes = new ArrayList<>();
        readNotes.forEach(n -> notes.add(Problem.ofFile(Severity.NOTE, header.file(), n)));
        List<String> headers = new ArrayList<>();
        int code = -1;
        Map<String, Integer> self = new LinkedHashMap<>();
        Map<String, Integer> verified = new LinkedHashMap<>();
        Map<String, Integer> factColumns = new LinkedHashMap<>();
        List<String> duplicated = new ArrayList<>();
        for (SheetCell cell : header.cells()) {
            String name = Texts.clean(cell.text());
            while (headers.size() < cell.column()) {
                headers.add("");
            }
            headers.add(name);
            String k = key(name);
            Integer previous = null;
            if (k.equals("code")) {
                previous = code >= 0 ? code : null;
                code = cell.column();
            } else if (criteria.containsKey(k)) {
                previous = self.put(criteria.get(k).id(), cell.column());
            } else if (k.endsWith(VERIFIED_SUFFIX)
                    && criteria.containsKey(k.substring(0, k.length() - VERIFIED_SUFFIX.length()))) {
                previous = verified.put(
                        criteria.get(k.substring(0, k.length() - VERIFIED_SUFFIX.length()))
                                .id(),
                        cell.column());
            } else if (facts.containsKey(k)) {
                previous = factColumns.put(facts.get(k).id(), cell.column());
            } else if (!INFORMATIONAL.contains(k)) {
                notes.add(new Problem(
                        Severity.NOTE,
                        header.file(),
                        header.sheet(),
                        header.number(),
                        cell.ref(),
                        name,
                        "",
                        "",
                        Message.of("table.column_ignored", "column", name)));
            }
            if (previous != null) {
                duplicated.add(name);
            }
        }
        List<String> missing = new ArrayList<>();
        if (code < 0) {
            missing.add("code");
        }
        rules.sets().stream()
                .map(set -> set.criteria().stream()
                        .map(Criterion::id)
                        .filter(id -> !self.containsKey(id))
                        .toList())
                .min(Comparator.comparingInt(List::size))
                .ifPresent(missing::addAll);
        Message error = null;
        if (!missing.isEmpty()) {
            error = Message.of("table.missing_columns", "row", header.number(), "columns", String.join(", ", missing));
        } else if (!duplicated.isEmpty()) {
            error = Message.of(
                    "table.repeated_columns", "row", header.number(), "columns", String.join(", ", duplicated));
        }
        if (error != null) {
            notes.add(new Problem(
                    Severity.REJECTED, header.file(), header.sheet(), header.number(), "", "", "", "", error));
        }
        return new TableLayout(
                header.file(),
                header.sheet(),
                header.number(),
                code,
                self,
                verified,
                factColumns,
                headers,
                notes,
                error);
    }

    /** True when a cell's text is the {@code code} header (a header row repeated among the data). */
    static boolean isCodeHeader(String text) {
        return text.length() < 20 && key(text).equals("code");
    }

    private static String key(String header) {
        return Texts.clean(header).replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
