package vn.unionreview.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * The fact checks declared beside a rule set ({@code config/rules/2025.checks.yaml} beside {@code 2025.yaml}), the file
 * they came from and its SHA-256; {@link #NONE} when the rule set has none.
 */
public record FactChecks(Path path, String sha256, List<FactCheck> checks) {

    public static final String FORMAT = "union-review/checks/v1";
    public static final FactChecks NONE = new FactChecks(null, null, List.of());

    public FactChecks {
        checks = List.copyOf(checks);
    }

    /** The SHA-256 that identifies the checks in a run: "" when the rule set has none. */
    public String digest() {
        return sha256 == null ? "" : sha256;
    }

    /** Where the checks of a rule file live: its name with ".yaml" (or ".yml") replaced by ".checks.yaml". */
    public static Path besideRules(Path rulesFile) {
        String name = rulesFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return rulesFile.resolveSibling(name + ".checks.yaml");
    }
}
