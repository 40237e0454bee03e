package vn.unionreview;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The English the program can write, as a Vietnamese reader must never meet it: every run of three or more English
 * words in the English catalogues (messages, reports, console), arguments and plural forms left out, and none that the
 * Vietnamese catalogues use too (a file name, an option). {@link #in} finds them in an output's text.
 */
public final class EnglishLeaks {

    private static final List<String> ENGLISH =
            List.of("i18n/messages_en.properties", "i18n/reports_en.properties", "i18n/console_en.properties");
    private static final List<String> VIETNAMESE =
            List.of("i18n/messages_vi.properties", "i18n/reports_vi.properties", "i18n/console.properties");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z]+(?:'[a-z]+)?(?: +[A-Za-z]+(?:'[a-z]+)?){2,}");
    /** Phrases that are names in both languages, not sentences. */
    private static final Set<String> NAMES = Set.of("union review");

    private static final List<String> FRAGMENTS = fragments();

    private EnglishLeaks() {}

    /** The English fragments found in {@code text}: empty for a text that speaks Vietnamese only. */
    public static List<String> in(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return FRAGMENTS.stream().filter(flat::contains).toList();
    }

    /**
     * Words a library says when a file defeats it ("Block 30 not found", "Unexpected end of stream"), found in
     * {@code text}: the catalogue never holds them, so {@link #in} cannot see them.
     */
    public static List<String> libraryWords(String text) {
        List<String> found = new ArrayList<>();
        var m = LIBRARY.matcher(text.replaceAll("\\s+", " "));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static final Pattern LIBRARY = Pattern.compile(
            "(?i)\\b(?:not found|exception|unexpected|invalid|null|end of (?:stream|file)|is not|cannot be|unable to"
                    + "|failed to|no such|header signature|zip file|at position)\\b");

    /** How many fragments the check knows: a check of nothing would pass everything. */
    public static int size() {
        return FRAGMENTS.size();
    }

    private static List<String> fragments() {
        String vietnamese = String.join("\n", values(VIETNAMESE)).toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        for (String pattern : values(ENGLISH)) {
            for (String literal : literals(pattern)) {
                var m = WORDS.matcher(literal);
                while (m.find()) {
                    String phrase = m.group().strip();
                    if (phrase.length() >= 12
                            && !vietnamese.contains(phrase.toLowerCase(Locale.ROOT))
                            && !NAMES.contains(phrase.toLowerCase(Locale.ROOT))) {
                        found.add(phrase);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The pattern's own words: every argument, plural or choice ({…}) and format placeholder (%s) cut out. */
    private static List<String> literals(String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : pattern.replaceAll("%[-0-9.]*[sdf]", "\u0000").toCharArray()) {
            if (c == '{') {
                depth++;
                parts.add(current.toString());
                current.setLength(0);
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && c != '\u0000') {
                current.append(c);
            } else if (depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            }
        }
        parts.add(current.toString());
        return parts.stream().map(p -> p.replace("''", "'")).toList();
    }

    private static Collection<String> values(List<String> resources) {
        List<String> values = new ArrayList<>();
        for (String resource : resources) {
            Properties properties = new Properties();
            try (InputStream in = EnglishLeaks.class.getClassLoader().getResourceAsStream(resource)) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.values().forEach(v -> values.add((String) v));
        }
        return values;
    }
}
