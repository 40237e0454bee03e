package vn.unionreview.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Something to tell a person, as data: a stable code ({@code cell.not_a_number}) and named arguments ({@code value:
 * "tốt"}). It is stored and passed as such and rendered only where a person reads it, in that person's language
 * ({@link Catalogue}). An argument is text (as typed: never reformatted), a number (rendered by the reader's locale), a
 * name the rule set gives in each language ({@link vn.unionreview.text.Text}), another message, or a list of messages
 * (rendered joined).
 */
public record Message(String code, Map<String, Object> args) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final String NESTED = "@code";
    private static final String VI = "@vi";
    private static final String EN = "@en";

    public Message {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a message code: " + code);
        }
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** {@code Message.of("cell.not_a_number", "value", "tốt")}: the code, then argument names and values in turn. */
    public static Message of(String code, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(code + ": arguments come in name and value pairs");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            args.put(
                    (String) namesAndValues[i],
                    value instanceof Integer n ? Long.valueOf(n) : value == null ? "" : value);
        }
        return new Message(code, args);
    }

    /** The message in English, for logs and exception messages (never for a report). */
    public String english() {
        return Catalogue.of("en").render(this);
    }

    /** As stored in the run tables: the code, then the arguments as JSON when there are any. */
    public String encode() {
        return args.isEmpty() ? code : code + " " + JSON.writeValueAsString(toJson(this));
    }

    /**
     * The message {@link #encode()} stored; a text stored by a version that kept finished sentences is kept as it was,
     * as the message {@code legacy.text}.
     */
    public static Message decode(String stored) {
        if (stored == null) {
            return of("legacy.text", "text", "");
        }
        int space = stored.indexOf(' ');
        String code = space < 0 ? stored : stored.substring(0, space);
        if (!CODE.matcher(code).matches()
                || !Catalogue.of("en").has(code)
                || (space >= 0 && !stored.startsWith("{", space + 1))) {
            return of("legacy.text", "text", stored);
        }
        if (space < 0) {
            return new Message(code, Map.of());
        }
        try {
            return fromJson(code, JSON.readTree(stored.substring(space + 1)));
        } catch (JacksonException e) {
            return of("legacy.text", "text", stored);
        }
    }

    private static ObjectNode toJson(Message m) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        m.args().forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    private static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof Message m) {
            ObjectNode node = toJson(m);
            node.put(NESTED, m.code());
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Text text) {
            ObjectNode node = nodes.objectNode();
            node.put(VI, text.vi());
            node.put(EN, text.en());
            return node;
        }
        if (value instanceof BigDecimal d) {
            return nodes.numberNode(d);
        }
        if (value instanceof Long n) {
            return nodes.numberNode(n);
        }
        return nodes.stringNode(String.valueOf(value));
    }

    private static Message fromJson(String code, JsonNode node) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (var field : node.properties()) {
            if (!field.getKey().equals(NESTED)) {
                args.put(field.getKey(), value(field.getValue()));
            }
        }
        return new Message(code, args);
    }

    private static Object value(JsonNode node) {
        if (node.isObject() && node.has(NESTED)) {
            return fromJson(node.get(NESTED).asString(), node);
        }
        if (node.isObject() && node.has(VI)) {
            return new Text(node.get(VI).asString(), node.has(EN) ? node.get(EN).asString() : null);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.asString();
    }
}
