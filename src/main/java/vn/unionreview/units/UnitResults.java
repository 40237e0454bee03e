package vn.unionreview.units;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import vn.unionreview.audit.ResultBundle;
import vn.unionreview.files.Csv;
import vn.unionreview.ingest.Bounds;
import vn.unionreview.ingest.Problem;
import vn.unionreview.ingest.Severity;
import vn.unionreview.result.ResultRow;
import vn.unionreview.rules.Cap;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.run.RunFile;
import vn.unionreview.text.Message;

/**
 * The branches a province takes from its units' accepted bundles: each line of a bundle's results.csv becomes the
 * branch's result in the provincial year, as the unit decided it (total, tier, caps). A line is refused, with its
 * bundle, row and column, when the province's rules for its kind cannot read it (an unknown kind, tier or cap, a figure
 * that is not one), and when its branch is already rated by the province itself or by an earlier unit of the list: a
 * branch is rated by one union.
 */
public final class UnitResults {

    /**
     * An accepted bundle.
     *
     * @param file the bundle as the year folder names it ({@code units/…})
     * @param index its bundle.json: the run and the publication its results are
     */
    public record Source(String file, Path bundle, Unit unit, ResultBundle.Index index) {}

    /** A unit's branch taken into the provincial year, with the bundle it came from. */
    public record Taken(ResultRow row, Source source) {}

    /**
     * @param taken in the units' order, each bundle's in its results.csv order
     * @param rowsRead every line of the bundles' results.csv: each is taken or refused with a problem
     */
    public record Read(List<Taken> taken, List<Problem> problems, int rowsRead) {}

    private static final List<String> FIGURES = List.of("base", "bonus", "penalty", "total", "inflation");

    private UnitResults() {}

    /**
     * @param sources the accepted bundles, in the order the units are listed
     * @param registryFile the province's own registry's file name, "" when it has none
     * @param registry the codes the province rates directly
     */
    public static Read read(List<Source> sources, RuleBook book, String registryFile, Set<String> registry)
            throws IOException {
        Map<String, String> holder = new LinkedHashMap<>();
        registry.forEach(code -> holder.put(code, registryFile));
        List<Taken> taken = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int read = 0;
        for (Source source : sources) {
            List<Map<String, String>> lines = lines(source.bundle());
            for (int i = 0; i < lines.size(); i++) {
                read++;
                Map<String, String> line = lines.get(i);
                // line 1 is the header
                Problem problem = problem(source, i + 2, line, book, holder);
                if (problem != null) {
                    problems.add(problem);
                    continue;
                }
                holder.put(line.get("code"), source.file());
                taken.add(new Taken(row(line, book.forKind(kindOf(line)).orElseThrow(), source.unit()), source));
            }
        }
        return new Read(taken, problems, read);
    }

    private static List<Map<String, String>> lines(Path bundle) throws IOException {
        List<Map<String, String>> lines = new ArrayList<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry results = zip.getEntry(RunFile.RESULTS.fileName());
            if (results != null) {
                Csv.forEachRow(zip.getInputStream(results), lines::add);
            }
        }
        return lines;
    }

    private static String kindOf(Map<String, String> line) {
        return line.getOrDefault("kind", "");
    }

    /** What keeps a line out of the provincial year, or null. */
    private static Problem problem(
            Source source, int row, Map<String, String> line, RuleBook book, Map<String, String> holder) {
        String code = line.getOrDefault("code", "");
        if (code.isEmpty() || Bounds.codeError(code) != null) {
            return refused(source, row, "code", code, code);
        }
        String other = holder.get(code);
        if (other != null) {
            return new Problem(
                    Severity.REJECTED,
                    source.file(),
                    RunFile.RESULTS.fileName(),
                    row,
                    "",
                    "code",
                    code,
                    code,
                    Message.of("units.branch_twice", "code", code, "file", source.file(), "other", other));
        }
        RuleSet rules = book.forKind(kindOf(line)).orElse(null);
        if (rules == null) {
            return refused(source, row, "kind", code, kindOf(line));
        }
        for (String column : List.of("tier", "tier_before_caps")) {
            String tier = line.getOrDefault(column, "");
            if (rules.tiers().stream().noneMatch(t -> t.id().equals(tier))) {
                return refused(source, row, column, code, tier);
            }
        }
        for (String column : FIGURES) {
            if (decimal(line.get(column)) == null) {
                return refused(source, row, column, code, line.getOrDefault(column, ""));
            }
        }
        String caps = line.getOrDefault("caps", "");
        for (String cap : caps.isEmpty() ? new String[0] : caps.split(";")) {
            if (rules.caps().stream().map(Cap::id).noneMatch(cap::equals)) {
                return refused(source, row, "caps", code, caps);
            }
        }
        if (rankOf(line) < 1) {
            return refused(source, row, "rank_bloc", code, line.getOrDefault("rank_bloc", ""));
        }
        return null;
    }

    private static Problem refused(Source source, int row, String column, String code, String value) {
        return new Problem(
                Severity.REJECTED,
                source.file(),
                RunFile.RESULTS.fileName(),
                row,
                "",
                column,
                code,
                value,
                Message.of("units.row_unreadable", "file", source.file(), "column", column, "value", value));
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int rankOf(Map<String, String> line) {
        try {
            return Integer.parseInt(line.getOrDefault("rank_bloc", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The unit's result as the province keeps it: its figures, tiers, caps and rank in bloc; the province's awards,
     * overall rank and decision are its own, set when it ranks.
     */
    private static ResultRow row(Map<String, String> line, RuleSet rules, Unit unit) {
        return new ResultRow(
                line.get("code"),
                line.getOrDefault("name", ""),
                line.getOrDefault("bloc", ""),
                decimal(line.get("base")),
                decimal(line.get("bonus")),
                decimal(line.get("penalty")),
                decimal(line.get("total")),
                line.get("tier_before_caps"),
                line.get("tier"),
                Boolean.parseBoolean(line.getOrDefault("demoted_by_quota", "false")),
                rankOf(line),
                0,
                "",
                false,
                decimal(line.get("inflation")),
                String.join(
                        ";",
                        Arrays.stream(line.getOrDefault("caps", "").split(";"))
                                .filter(c -> !c.isEmpty())
                                .toList()),
                "",
                rules.kindId(),
                unit.code());
    }
}
