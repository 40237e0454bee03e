package vn.unionreview.council;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.unionreview.ingest.Bounds;
import vn.unionreview.ingest.RowValidator;
import vn.unionreview.ingest.Texts;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.text.Message;

/**
 * Reads and validates a council decisions file before any data is read: the format, the meeting ({@code number},
 * {@code date}), and each decision ({@code branch}, {@code reason}, and one of {@code award} with {@code action:
 * withdraw|grant}, or {@code tier}), award and tier ids checked against the year's rules, and in a province's year the
 * units' results it returns ({@code returns}: {@code unit}, {@code reason}). Unknown keys are errors. Every problem is
 * reported with its key path. Whether a decision fits the data (the branch was scored, holds the award, the limit
 * allows a grant) is judged when it is applied, not here.
 */
public final class DecisionsLoader {

    static final int MAX_REASON = 1000;
    static final int MAX_NUMBER = 100;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private DecisionsLoader() {}

    public static CouncilDecisions load(Path file, RuleSet rules) {
        return load(file, List.of(rules));
    }

    /** @param rules the year's rule sets, one per kind of branch: an award or tier is known when one of them has it */
    public static CouncilDecisions load(Path file, List<RuleSet> rules) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DecisionsException(
                    file.toString(), List.of(Message.of("yaml.unreadable", "detail", String.valueOf(e.getMessage()))));
        }
        return parse(file.toString(), bytes, rules);
    }

    public static CouncilDecisions parse(String source, byte[] yaml, RuleSet rules) {
        return parse(source, yaml, List.of(rules));
    }

    public static CouncilDecisions parse(String source, byte[] yaml, List<RuleSet> rules) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new DecisionsException(
                    source,
                    List.of(Message.of(
                            "yaml.invalid",
                            "detail",
                            e.getOriginalMessage(),
                            "line",
                            e.getLocation() != null ? e.getLocation().getLineNr() : 0)));
        }
        List<Message> problems = new ArrayList<>();
        CouncilDecisions decisions = read(root, rules, problems);
        if (!problems.isEmpty()) {
            throw new DecisionsException(source, problems);
        }
        return decisions;
    }

    private static CouncilDecisions read(JsonNode root, List<RuleSet> rules, List<Message> problems) {
        if (root == null || !root.isObject()) {
            problems.add(Message.of("decisions.top_level"));
            return null;
        }
        known(root, "", Set.of("format", "meeting", "decisions", "returns"), problems);
        String format = text(root, "format", "format", problems);
        if (format != null && !format.equals(CouncilDecisions.FORMAT)) {
            problems.add(Message.of(
                    "yaml.wrong_format", "path", "format", "expected", CouncilDecisions.FORMAT, "found", format));
        }
        JsonNode meeting = root.get("meeting");
        String number = null;
        LocalDate date = null;
        if (meeting == null || !meeting.isObject()) {
            problems.add(Message.of("decisions.meeting"));
        } else {
            known(meeting, "meeting.", Set.of("number", "date"), problems);
            number = text(meeting, "number", "meeting.number", problems);
            if (number != null && number.length() > MAX_NUMBER) {
                problems.add(Message.of(
                        "yaml.too_long", "path", "meeting.number", "length", number.length(), "max", MAX_NUMBER));
                number = null;
            }
            String day = text(meeting, "date", "meeting.date", problems);
            if (day != null) {
                try {
                    date = LocalDate.parse(day);
                } catch (DateTimeParseException e) {
                    problems.add(Message.of("yaml.not_a_date", "path", "meeting.date", "found", day));
                }
            }
        }
        List<CouncilDecisions.Decision> decisions = new ArrayList<>();
        JsonNode list = root.get("decisions");
        // a province's council may only return units' results
        if (list == null && root.has("returns")) {
            list = YAML.createArrayNode();
        }
        if (list == null || !list.isArray()) {
            problems.add(Message.of("yaml.not_a_list", "path", "decisions"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                CouncilDecisions.Decision d = decision(list.get(i), "decisions[" + i + "]", rules, problems);
                if (d != null) {
                    decisions.add(d);
                }
            }
        }
        List<CouncilDecisions.Return> returns = new ArrayList<>();
        JsonNode sent = root.get("returns");
        if (sent != null && !sent.isArray()) {
            problems.add(Message.of("yaml.not_a_list", "path", "returns"));
        } else if (sent != null) {
            Set<String> units = new HashSet<>();
            for (int i = 0; i < sent.size(); i++) {
                CouncilDecisions.Return r = unitReturn(sent.get(i), "returns[" + i + "]", problems);
                if (r != null && !units.add(r.unit())) {
                    problems.add(
                            Message.of("decisions.unit_twice", "path", "returns[" + i + "].unit", "unit", r.unit()));
                } else if (r != null) {
                    returns.add(r);
                }
            }
        }
        return new CouncilDecisions(number, date, decisions, returns);
    }

    private static CouncilDecisions.Return unitReturn(JsonNode node, String path, List<Message> problems) {
        if (node == null || !node.isObject()) {
            problems.add(Message.of("decisions.return_entry", "path", path));
            return null;
        }
        known(node, path + ".", Set.of("unit", "reason"), problems);
        String unit = code(node, "unit", path + ".unit", problems);
        String reason = reason(node, path, problems);
        return unit == null || reason == null ? null : new CouncilDecisions.Return(unit, reason);
    }

    /** A branch's or a unit's code, normalised as the registry and units.csv read theirs. */
    private static String code(JsonNode node, String key, String path, List<Message> problems) {
        String text = text(node, key, path, problems);
        String code = text == null ? null : RowValidator.normalizeCode(text);
        if (code != null && Bounds.codeError(code) != null) {
            problems.add(Message.of("decisions.bad_branch", "path", path, "why", Bounds.codeError(code)));
            return null;
        }
        return code;
    }

    private static String reason(JsonNode node, String path, List<Message> problems) {
        String reason = text(node, "reason", path + ".reason", problems);
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(Message.of(
                    "yaml.too_long", "path", path + ".reason", "length", reason.length(), "max", MAX_REASON));
            return null;
        }
        return reason;
    }

    private static CouncilDecisions.Decision decision(
            JsonNode node, String path, List<RuleSet> rules, List<Message> problems) {
        if (node == null || !node.isObject()) {
            problems.add(Message.of("decisions.entry", "path", path));
            return null;
        }
        known(node, path + ".", Set.of("branch", "reason", "award", "action", "tier"), problems);
        String branch = code(node, "branch", path + ".branch", problems);
        String reason = reason(node, path, problems);
        boolean award = node.has("award");
        boolean tier = node.has("tier");
        if (award == tier) {
            problems.add(Message.of("decisions.award_or_tier", "path", path));
            return null;
        }
        if (tier) {
            if (node.has("action")) {
                problems.add(Message.of("decisions.action_without_award", "path", path + ".action"));
            }
            String id = text(node, "tier", path + ".tier", problems);
            if (id != null && rules.stream().flatMap(r -> r.tiers().stream()).noneMatch(t -> t.id().equals(id))) {
                problems.add(Message.of(
                        "decisions.unknown_tier",
                        "path",
                        path + ".tier",
                        "id",
                        id,
                        "year",
                        String.valueOf(rules.get(0).year())));
                return null;
            }
            return branch == null || reason == null || id == null
                    ? null
                    : new CouncilDecisions.SetTier(branch, id, reason);
        }
        String id = text(node, "award", path + ".award", problems);
        if (id != null && rules.stream().flatMap(r -> r.awards().stream()).noneMatch(a -> a.id().equals(id))) {
            problems.add(Message.of(
                    "decisions.unknown_award",
                    "path",
                    path + ".award",
                    "id",
                    id,
                    "year",
                    String.valueOf(rules.get(0).year())));
            return null;
        }
        String action = text(node, "action", path + ".action", problems);
        if (action != null && !Set.of("withdraw", "grant").contains(action)) {
            problems.add(Message.of("decisions.bad_action", "path", path + ".action", "found", action));
            return null;
        }
        if (branch == null || reason == null || id == null || action == null) {
            return null;
        }
        return action.equals("withdraw")
                ? new CouncilDecisions.WithdrawAward(branch, id, reason)
                : new CouncilDecisions.GrantAward(branch, id, reason);
    }

    /** A required, non-blank scalar, as text (a number or date is read as it is written). */
    private static String text(JsonNode node, String key, String path, List<Message> problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            problems.add(Message.of("yaml.missing", "path", path));
            return null;
        }
        if (!value.isValueNode() || value.asString().isBlank()) {
            problems.add(Message.of(
                    "yaml.not_text",
                    "path",
                    path,
                    "found",
                    value.isValueNode() ? "blank" : value.isArray() ? "list" : "mapping"));
            return null;
        }
        String text = value.asString().strip();
        if (Texts.controlCount(text) > 0) {
            problems.add(Message.of("yaml.control_characters", "path", path));
            return null;
        }
        return text;
    }

    private static void known(JsonNode node, String prefix, Set<String> keys, List<Message> problems) {
        for (String key : node.propertyNames()) {
            if (!keys.contains(key)) {
                problems.add(Message.of(
                        "yaml.unknown_key",
                        "path",
                        prefix + key,
                        "expected",
                        String.join(", ", keys.stream().sorted().toList())));
            }
        }
    }
}
