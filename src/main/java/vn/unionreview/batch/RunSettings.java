package vn.unionreview.batch;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.unionreview.Digests;
import vn.unionreview.ingest.InputLimits;
import vn.unionreview.report.FeedbackSettings;
import vn.unionreview.report.ReportSettings;
import vn.unionreview.text.Message;

/**
 * Every configured setting that shapes a byte of a run's outputs, other than those the manifest has a place of its own
 * for (the integrity thresholds, the duplicates rule, the report's languages and date): the report's and letters'
 * letterhead, place, signer and recipients, document numbers, the letters' deadline, the report's layout limits and
 * fonts, the input limits, which decide what is accepted, and whether a province takes its units' unsigned bundles.
 *
 * <p>A run is started with them, keeps them as job parameters (a restart uses the same), records them in manifest.json
 * under the configuration's own keys ({@link #describe()}) and counts them in its id; {@code verify} replays with the
 * recorded ones ({@link #of(Map)}), whatever the configuration of the folder it is started in.
 */
public record RunSettings(ReportSettings report, FeedbackSettings feedback, InputLimits limits, UnitsSettings units) {

    static final String REPORT = "union-review.report";
    static final String FEEDBACK = "union-review.feedback";
    static final String LIMITS = "union-review.input.limits";
    static final String UNITS = "union-review.units";
    /** Recorded elsewhere in the manifest (languages, report_date), and given with each run. */
    private static final List<String> RECORDED_APART = List.of(REPORT + ".languages", REPORT + ".date");

    public RunSettings {
        Objects.requireNonNull(report);
        Objects.requireNonNull(feedback);
        Objects.requireNonNull(limits);
        units = units == null ? UnitsSettings.DEFAULTS : units;
    }

    /**
     * The settings of the configuration as it is (beans bound from config/application.yml, environment, defaults), for
     * a run of {@code year}: the report's letterhead is that year's.
     */
    public static RunSettings configured(
            ReportSettings report, FeedbackSettings feedback, InputSettings input, UnitsSettings units, int year) {
        return new RunSettings(report.forYear(year), feedback, input.inputLimits(), units);
    }

    /**
     * The settings as configuration keys and values, in a fixed order: every value in force, defaults included, so that
     * binding them alone ({@link #of(Map)}) gives these settings back. A list item is {@code key[i]}.
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(REPORT, report, out);
        out.keySet()
                .removeIf(key ->
                        RECORDED_APART.stream().anyMatch(apart -> key.equals(apart) || key.startsWith(apart + "[")));
        flatten(FEEDBACK, feedback, out);
        flatten(LIMITS, limits, out);
        // unset, as in every run before it existed, it is not recorded: those runs keep their ids
        flatten(UNITS, units, out);
        return out;
    }

    /** The inverse of {@link #describe()}: the settings bound from those keys alone, as configuration binds them. */
    public static RunSettings of(Map<String, String> described) {
        Binder binder = new Binder(new MapConfigurationPropertySource(described));
        ReportSettings report = binder.bindOrCreate(REPORT, Bindable.of(ReportSettings.class));
        FeedbackSettings feedback = binder.bindOrCreate(FEEDBACK, Bindable.of(FeedbackSettings.class));
        InputSettings.Limits limits = binder.bindOrCreate(LIMITS, Bindable.of(InputSettings.Limits.class));
        UnitsSettings units = binder.bindOrCreate(UNITS, Bindable.of(UnitsSettings.class));
        return new RunSettings(report, feedback, new InputSettings(null, limits).inputLimits(), units);
    }

    /** SHA-256 of {@link #describe()}, one "key=value" line each: what the run id counts. */
    public String digest() {
        StringBuilder lines = new StringBuilder();
        describe()
                .forEach((key, value) ->
                        lines.append(key).append('=').append(value).append('\n'));
        return Digests.sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The settings whose values differ between {@code recorded} and {@code current}, one line each ("key: recorded →
     * here"), for a replay to tell as information.
     */
    public static List<Message> differences(Map<String, String> recorded, Map<String, String> current) {
        TreeSet<String> keys = new TreeSet<>(recorded.keySet());
        keys.addAll(current.keySet());
        return keys.stream()
                .filter(k -> !Objects.equals(recorded.get(k), current.get(k)))
                .map(k -> Message.of(
                        "verify.setting_differs",
                        "key",
                        k,
                        "recorded",
                        shown(recorded.get(k)),
                        "configured",
                        shown(current.get(k))))
                .toList();
    }

    private static Object shown(String value) {
        return value == null ? Message.of("verify.not_set") : "\"" + value + "\"";
    }

    /** Records become their components under kebab-case keys, lists indexed items; nulls are left out, as unset. */
    private static void flatten(String key, Object value, Map<String, String> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object part;
                try {
                    part = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + key + "." + component.getName(), e);
                }
                flatten(key + "." + kebab(component.getName()), part, out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(key + "[" + i + "]", list.get(i), out);
            }
        } else if (value instanceof BigDecimal number) {
            out.put(key, number.toPlainString());
        } else {
            out.put(key, value.toString());
        }
    }

    private static String kebab(String camel) {
        StringBuilder s = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('-').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
