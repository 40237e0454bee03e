package vn.unionreview.integrity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.unionreview.form.FormTemplate;

/**
 * The thresholds of the integrity signals, from {@code union-review.integrity.*}. They decide what the council is
 * shown, never a score: the manifest records them and a replay uses the recorded ones.
 *
 * @param enabled whether signals are looked for at all (default true)
 * @param nearIdenticalPoints two branches of a bloc whose self scores differ by at most this many points in all are
 *     near-identical (default 1; 0 looks for identical ones only)
 * @param inflationZ the robust z-score, 0.6745 × (inflation − bloc median) / MAD, above which a branch's inflation is
 *     far above its bloc's (default 3.5, after Iglewicz and Hoaglin)
 * @param inflationMinPoints and at least this many points above the bloc's median (default 5)
 * @param jumpPoints a total up by more than this many points on the year before is a jump (default 20)
 * @param genericAuthors author names that name no one ("Administrator", "User"): forms saved under them are not taken
 *     to share an author
 */
@ConfigurationProperties("union-review.integrity")
public record IntegritySettings(
        Boolean enabled,
        BigDecimal nearIdenticalPoints,
        BigDecimal inflationZ,
        BigDecimal inflationMinPoints,
        BigDecimal jumpPoints,
        List<String> genericAuthors) {

    public static final IntegritySettings DEFAULTS = new IntegritySettings(null, null, null, null, null, null);

    public IntegritySettings {
        enabled = enabled == null || enabled;
        nearIdenticalPoints = nearIdenticalPoints == null ? BigDecimal.ONE : nearIdenticalPoints;
        inflationZ = inflationZ == null ? new BigDecimal("3.5") : inflationZ;
        inflationMinPoints = inflationMinPoints == null ? new BigDecimal("5") : inflationMinPoints;
        jumpPoints = jumpPoints == null ? new BigDecimal("20") : jumpPoints;
        genericAuthors = genericAuthors == null
                ? List.of("Administrator", "Admin", "User", "Windows User", "Microsoft Office User", "Người dùng")
                : List.copyOf(genericAuthors);
        for (var e : Map.of(
                        "near-identical-points",
                        nearIdenticalPoints,
                        "inflation-z",
                        inflationZ,
                        "inflation-min-points",
                        inflationMinPoints,
                        "jump-points",
                        jumpPoints)
                .entrySet()) {
            if (e.getValue().signum() < 0) {
                throw new IllegalArgumentException("union-review.integrity." + e.getKey()
                        + " must not be negative, found " + e.getValue().toPlainString());
            }
        }
    }

    /** Whether a form author's name names no one in particular: a generic name, or the program's own form template. */
    boolean isGeneric(String author) {
        return author == null
                || author.equalsIgnoreCase(FormTemplate.CREATOR)
                || genericAuthors.stream().anyMatch(g -> g.equalsIgnoreCase(author.strip()));
    }

    /** The settings as the manifest and the control page name them, in a fixed order. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("enabled", Boolean.toString(enabled));
        d.put("near-identical-points", nearIdenticalPoints.stripTrailingZeros().toPlainString());
        d.put("inflation-z", inflationZ.stripTrailingZeros().toPlainString());
        d.put("inflation-min-points", inflationMinPoints.stripTrailingZeros().toPlainString());
        d.put("jump-points", jumpPoints.stripTrailingZeros().toPlainString());
        d.put("generic-authors", String.join("|", genericAuthors));
        return d;
    }

    /** The inverse of {@link #describe()}: how a replay or a restart takes the settings a run was started with. */
    public static IntegritySettings of(Map<String, String> described) {
        String authors = described.get("generic-authors");
        return new IntegritySettings(
                Boolean.valueOf(described.getOrDefault("enabled", "true")),
                decimal(described.get("near-identical-points")),
                decimal(described.get("inflation-z")),
                decimal(described.get("inflation-min-points")),
                decimal(described.get("jump-points")),
                authors == null ? null : authors.isEmpty() ? List.of() : List.of(authors.split("\\|")));
    }

    /** One line: "enabled=true;near-identical-points=1;…", for a job parameter. */
    public String line() {
        StringBuilder s = new StringBuilder();
        describe()
                .forEach((k, v) -> s.append(s.length() == 0 ? "" : ";")
                        .append(k)
                        .append('=')
                        .append(v.replace(";", ",")));
        return s.toString();
    }

    public static IntegritySettings ofLine(String line) {
        Map<String, String> d = new LinkedHashMap<>();
        for (String part : line.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                d.put(part.substring(0, eq).toLowerCase(Locale.ROOT), part.substring(eq + 1));
            }
        }
        return of(d);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
