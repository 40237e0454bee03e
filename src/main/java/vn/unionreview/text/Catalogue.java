package vn.unionreview.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * One language's words for every {@link Message}: {@code i18n/messages_<lang>.properties}, each code's pattern in ICU
 * MessageFormat (named arguments, plural and number rules of the locale: "8,5" in Vietnamese, "8.5" in English), and
 * for the problems a branch must act on, {@code <code>.todo}: what to do, as the letters say it.
 */
public final class Catalogue {

    public static final List<String> LANGUAGES = List.of("vi", "en");
    private static final Map<String, Catalogue> LOADED = new ConcurrentHashMap<>();

    private final String lang;
    private final ULocale locale;
    private final Map<String, String> patterns;

    private Catalogue(String lang, Map<String, String> patterns) {
        this.lang = lang;
        this.locale = new ULocale(lang);
        this.patterns = patterns;
    }

    /** The catalogue of "vi" or "en" (anything else: Vietnamese, the first language). */
    public static Catalogue of(String lang) {
        String known = LANGUAGES.contains(lang) ? lang : "vi";
        return LOADED.computeIfAbsent(known, l -> new Catalogue(l, load("i18n/messages_" + l + ".properties")));
    }

    public String lang() {
        return lang;
    }

    /** Whether {@code code} has a pattern here. */
    public boolean has(String code) {
        return patterns.containsKey(code);
    }

    /** Every code with a pattern here, "what to do" lines left out. */
    public Set<String> codes() {
        Set<String> codes = new TreeSet<>(patterns.keySet());
        codes.removeIf(c -> c.endsWith(".todo"));
        return codes;
    }

    /** The raw pattern of {@code key} (a code, or a code's ".todo"), for the checks of the catalogue. */
    public Optional<String> pattern(String key) {
        return Optional.ofNullable(patterns.get(key));
    }

    /**
     * The message in this language. A code with no pattern (a catalogue left incomplete: the tests refuse it) is shown
     * as its code and arguments rather than stopping a run.
     */
    public String render(Message message) {
        String pattern = patterns.get(message.code());
        if (pattern == null) {
            return message.code() + " " + message.args();
        }
        return format(message.code(), pattern, message);
    }

    /**
     * A text as stored where code and arguments or plain words may be (the activity record's details): a stored message
     * in this language, anything else as it is; null is "".
     */
    public String stored(String text) {
        return text == null ? "" : render(Message.decode(text));
    }

    /** What the reader should do about it, when the catalogue says. */
    public Optional<String> todo(Message message) {
        String key = message.code() + ".todo";
        String pattern = patterns.get(key);
        return pattern == null ? Optional.empty() : Optional.of(format(key, pattern, message));
    }

    private String format(String key, String pattern, Message message) {
        Map<String, Object> args = new LinkedHashMap<>();
        message.args()
                .forEach((name, value) -> args.put(
                        name,
                        value instanceof Message m
                                ? render(m)
                                : value instanceof Text text
                                        ? text.in(lang)
                                        : value instanceof List<?> list
                                                ? String.join(
                                                        ", ",
                                                        list.stream()
                                                                .map(item -> item instanceof Message m
                                                                        ? render(m)
                                                                        : item instanceof Text text
                                                                                ? text.in(lang)
                                                                                : String.valueOf(item))
                                                                .toList())
                                                : value));
        // ICU's MessageFormat is not thread-safe, and the export writes on two threads: one per rendering
        return new MessageFormat(pattern, locale).format(args);
    }

    private static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the message catalogue " + resource + " is missing from the program");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> patterns.put(k, properties.getProperty(k)));
        return Collections.unmodifiableMap(patterns);
    }
}
