package vn.unionreview.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/** The rule set a command works with: the one given with --rules, else config/rules/&lt;year&gt;.yaml. */
public final class YearRules {

    /** No rule set for the year: the file does not exist (the message lists the years that have one). */
    public static final class MissingException extends MessageException {
        MissingException(Path path, int year, List<Integer> years) {
            super(Message.of(
                    "rules.missing",
                    "year",
                    String.valueOf(year),
                    "path",
                    path.toString(),
                    "folder",
                    String.valueOf(path.getParent()),
                    "years",
                    String.join(", ", years.stream().map(String::valueOf).toList()),
                    "has_years",
                    years.isEmpty() ? "no" : "yes",
                    "file",
                    path.getFileName().toString()));
        }
    }

    /** The rule file is valid but made for another year. */
    public static final class WrongYearException extends MessageException {
        WrongYearException(Path path, int found, int year) {
            super(Message.of(
                    "rules.wrong_year",
                    "path",
                    path.toString(),
                    "found",
                    String.valueOf(found),
                    "year",
                    String.valueOf(year)));
        }
    }

    private YearRules() {}

    public static Path path(Path given, int year) {
        return given != null ? given : Path.of("config", "rules", year + ".yaml");
    }

    /** The years whose rule set is in {@code dir} (files named like 2025.yaml), in order. */
    static List<Integer> yearsIn(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}\\.yaml"))
                    .map(n -> Integer.parseInt(n.substring(0, 4)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * @throws MissingException when there is no such file
     * @throws vn.unionreview.rules.RuleSetException when the file is not a valid rule set, or the fact checks beside it
     *     are not valid
     * @throws WrongYearException when it is the rule set of another year
     */
    public static RuleSetFile load(Path given, int year) {
        Path path = path(given, year);
        if (!Files.exists(path)) {
            throw new MissingException(path, year, given == null ? yearsIn(path.getParent()) : List.of());
        }
        RuleSetFile loaded = RuleSetLoader.load(path);
        if (loaded.rules().year() != year) {
            throw new WrongYearException(path, loaded.rules().year(), year);
        }
        RuleSetLoader.loadChecks(path, loaded.rules()); // refused here, before any run, like the rule set itself
        return loaded;
    }
}
