package vn.unionreview.runs;

import java.nio.file.Path;

import vn.unionreview.rules.RuleSetFile;
import vn.unionreview.rules.RuleSetLoader;

/** The rule set a command works with: the one given with --rules, else config/rules/&lt;year&gt;.yaml. */
public final class YearRules {

    /** The rule file is valid but made for another year. */
    public static final class WrongYearException extends RuntimeException {
        WrongYearException(Path path, int found, int year) {
            super(path + " is the rule set for " + found + ", not " + year);
        }
    }

    private YearRules() {
    }

    public static Path path(Path given, int year) {
        return given != null ? given : Path.of("config", "rules", year + ".yaml");
    }

    /**
     * @throws vn.unionreview.rules.RuleSetException when the file is not a valid rule set, or the fact checks beside it are not valid
     * @throws WrongYearException when it is the rule set of another year
     */
    public static RuleSetFile load(Path given, int year) {
        Path path = path(given, year);
        RuleSetFile loaded = RuleSetLoader.load(path);
        if (loaded.rules().year() != year) {
            throw new WrongYearException(path, loaded.rules().year(), year);
        }
        RuleSetLoader.loadChecks(path, loaded.rules()); // refused here, before any run, like the rule set itself
        return loaded;
    }
}
