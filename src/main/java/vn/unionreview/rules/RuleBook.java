package vn.unionreview.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A year's rules as a run takes them: one rule set for every branch ({@code config/rules/<year>.yaml}), or a folder
 * ({@code config/rules/<year>/}) of one rule set per kind of branch, each scoring only the branches of its kind.
 *
 * @param path the rule file, or the folder of kinds
 * @param sha256 what identifies the rules of a run: the rule file's SHA-256, or for a folder the SHA-256 of its
 *     {@link #listing() listing}, which names every file of the folder with its own
 * @param files the rule sets, in kind id order for a folder
 * @param checks each rule file's fact checks ({@link FactChecks#NONE} where it has none), in the order of {@code files}
 */
public record RuleBook(Path path, String sha256, List<RuleSetFile> files, List<FactChecks> checks) {

    public RuleBook {
        files = List.copyOf(files);
        checks = List.copyOf(checks);
    }

    /** The rules of a year with one rule set. */
    public static RuleBook of(RuleSetFile file, FactChecks checks) {
        return new RuleBook(file.path(), file.sha256(), List.of(file), List.of(checks));
    }

    /** Whether the year's branches are scored by kind, each on its kind's rule set. */
    public boolean byKind() {
        return files.get(0).rules().kind() != null;
    }

    /**
     * Whether a run lists the branches out of the year's rating (not rated, dissolved): when a rule set says who is
     * rated, or the year is ruled by kind (a branch without a kind that has rules is not rated).
     */
    public boolean listsOutOfRating() {
        return listsOutOfRating(sets());
    }

    /** {@link #listsOutOfRating()} of a year's rule sets. */
    public static boolean listsOutOfRating(List<RuleSet> sets) {
        return sets.get(0).kind() != null || sets.stream().anyMatch(r -> r.eligibility() != null);
    }

    public int year() {
        return files.get(0).rules().year();
    }

    /**
     * The rule set that speaks for the whole year where one must: its title, issuer and steps name the year in the
     * documents, and in a year with one rule set it is the only one.
     */
    public RuleSet first() {
        return files.get(0).rules();
    }

    /** The rule sets, in kind id order. */
    public List<RuleSet> sets() {
        return files.stream().map(RuleSetFile::rules).toList();
    }

    /**
     * The rule set that scores a branch of this kind: the year's only one when it has no kinds, else the kind's, or
     * empty when the folder has no rule set for it.
     */
    public Optional<RuleSet> forKind(String kind) {
        return RuleSet.ofKind(sets(), kind);
    }

    /**
     * The digest of the fact checks that identifies them in a run: that of the file beside a year's only rule set (""
     * when it has none); "" for a folder of kinds, whose {@link #sha256} covers its checks.
     */
    public String checksDigest() {
        return byKind() ? "" : checks.get(0).digest();
    }

    /** The fact checks of the rule set that scores this kind ({@link FactChecks#NONE} when none). */
    public FactChecks checksFor(String kind) {
        for (int i = 0; i < files.size(); i++) {
            if (!byKind() || files.get(i).rules().kind().id().equals(kind)) {
                return checks.get(i);
            }
        }
        return FactChecks.NONE;
    }

    /**
     * For a folder of kinds, the text whose SHA-256 identifies it: a line {@code <sha256> <file>} per file of the
     * folder, as {@code sha256sum} prints them: each rule set in kind id order, then its fact checks when it has some;
     * empty for a single file, which identifies itself.
     */
    public String listing() {
        if (!byKind()) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            lines.append(files.get(i).sha256())
                    .append("  ")
                    .append(files.get(i).path().getFileName())
                    .append('\n');
            FactChecks c = checks.get(i);
            if (c.path() != null) {
                lines.append(c.sha256())
                        .append("  ")
                        .append(c.path().getFileName())
                        .append('\n');
            }
        }
        return lines.toString();
    }
}
