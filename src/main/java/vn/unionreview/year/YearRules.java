package vn.unionreview.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * The rules a command works with: the file or folder given with --rules, else config/rules/&lt;year&gt;.yaml or the
 * folder of kinds config/rules/&lt;year&gt;/.
 */
public final class YearRules {

    /** Why the rules of a year cannot be found: the command says it and stops, before any run. */
    public abstract static class Unusable extends MessageException {
        Unusable(Message problem) {
            super(problem);
        }
    }

    /** No rule set for the year: the file does not exist (the message lists the years that have one). */
    public static final class MissingException extends Unusable {
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
    public static final class WrongYearException extends Unusable {
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

    /** The year has both a rule file and a folder of kinds: which one counts is not for us to guess. */
    public static final class BothException extends Unusable {
        BothException(Path file, Path folder) {
            super(Message.of("rules.file_and_folder", "file", file.toString(), "folder", folder.toString()));
        }
    }

    private YearRules() {}

    /** The year's rule file, or its folder of kinds when there is one. */
    public static Path path(Path given, int year) {
        return path(given, year, Path.of(""));
    }

    /** @param home the folder config/ is in: the working folder */
    static Path path(Path given, int year, Path home) {
        if (given != null) {
            return given;
        }
        Path folder = home.resolve(Path.of("config", "rules", Integer.toString(year)));
        return Files.isDirectory(folder) ? folder : home.resolve(Path.of("config", "rules", year + ".yaml"));
    }

    /** The years whose rules are in {@code dir} (files named like 2025.yaml, folders like 2026), in order. */
    static List<Integer> yearsIn(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{4}(\\.yaml)?") && (n.length() > 4 || Files.isDirectory(dir.resolve(n))))
                    .map(n -> Integer.parseInt(n.substring(0, 4)))
                    .distinct()
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
     * @throws BothException when the year has both a rule file and a folder of kinds
     */
    public static RuleBook load(Path given, int year) {
        return load(given, year, Path.of(""));
    }

    static RuleBook load(Path given, int year, Path home) {
        Path path = path(given, year, home);
        if (given == null && Files.isDirectory(path) && Files.exists(path.resolveSibling(year + ".yaml"))) {
            throw new BothException(path.resolveSibling(year + ".yaml"), path);
        }
        if (!Files.exists(path)) {
            throw new MissingException(path, year, given == null ? yearsIn(path.getParent()) : List.of());
        }
        // the fact checks are read here too, and refused before any run like the rule set itself
        RuleBook loaded = RuleSetLoader.loadBook(path);
        if (loaded.year() != year) {
            throw new WrongYearException(path, loaded.year(), year);
        }
        return loaded;
    }
}
