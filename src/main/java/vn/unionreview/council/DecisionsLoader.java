package vn.unionreview.council;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

/**
 * Reads and validates a council decisions file before any data is read: the format, the meeting
 * ({@code number}, {@code date}), and each decision ({@code branch}, {@code reason}, and one of
 * {@code award} with {@code action: withdraw|grant}, or {@code tier}), award and tier ids checked
 * against the year's rules. Unknown keys are errors. Every problem is reported with its key path.
 * Whether a decision fits the data (the branch was scored, holds the award, the limit allows a grant)
 * is judged when it is applied, not here.
 */
public final class DecisionsLoader {

    static final int MAX_REASON = 1000;
    static final int MAX_NUMBER = 100;
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private DecisionsLoader() {
    }

    public static CouncilDecisions load(Path file, RuleSet rules) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DecisionsException(file.toString(), List.of("cannot read file: " + e.getMessage()));
        }
        return parse(file.toString(), bytes, rules);
    }

    public static CouncilDecisions parse(String source, byte[] yaml, RuleSet rules) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new DecisionsException(source, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
        }
        List<String> problems = new ArrayList<>();
        CouncilDecisions decisions = read(root, rules, problems);
        if (!problems.isEmpty()) {
            throw new DecisionsException(source, problems);
        }
        return decisions;
    }

    private static CouncilDecisions read(JsonNode root, RuleSet rules, List<String> problems) {
        if (root == null || !root.isObject()) {
            problems.add("(top level): must be a mapping with format, meeting and decisions");
            return null;
        }
        known(root, "", Set.of("format", "meeting", "decisions"), problems);
        String format = text(root, "format", "format", problems);
        if (format != null && !format.equals(CouncilDecisions.FORMAT)) {
            problems.add("format: must be '" + CouncilDecisions.FORMAT + "', found '" + format + "'");
        }
        JsonNode meeting = root.get("meeting");
        String number = null;
        LocalDate date = null;
        if (meeting == null || !meeting.isObject()) {
            problems.add("meeting: must be a mapping with number and date");
        } else {
            known(meeting, "meeting.", Set.of("number", "date"), problems);
            number = text(meeting, "number", "meeting.number", problems);
            if (number != null && number.length() > MAX_NUMBER) {
                problems.add("meeting.number: " + number.length() + " characters, at most " + MAX_NUMBER);
                number = null;
            }
            String day = text(meeting, "date", "meeting.date", problems);
            if (day != null) {
                try {
                    date = LocalDate.parse(day);
                } catch (DateTimeParseException e) {
                    problems.add("meeting.date: must be a date YYYY-MM-DD, found '" + day + "'");
                }
            }
        }
        List<CouncilDecisions.Decision> decisions = new ArrayList<>();
        JsonNode list = root.get("decisions");
        if (list == null || !list.isArray()) {
            problems.add("decisions: must be a list");
        } else {
            for (int i = 0; i < list.size(); i++) {
                CouncilDecisions.Decision d = decision(list.get(i), "decisions[" + i + "]", rules, problems);
                if (d != null) {
                    decisions.add(d);
                }
            }
        }
        return new CouncilDecisions(number, date, decisions);
    }

    private static CouncilDecisions.Decision decision(JsonNode node, String path, RuleSet rules, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be a mapping with branch, reason, and award and action, or tier");
            return null;
        }
        known(node, path + ".", Set.of("branch", "reason", "award", "action", "tier"), problems);
        String branchText = text(node, "branch", path + ".branch", problems);
        String branch = branchText == null ? null : RowValidator.normalizeCode(branchText);
        if (branch != null && Bounds.codeError(branch) != null) {
            problems.add(path + ".branch: " + Bounds.codeError(branch).english());
            branch = null;
        }
        String reason = text(node, "reason", path + ".reason", problems);
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(path + ".reason: " + reason.length() + " characters, at most " + MAX_REASON);
            reason = null;
        }
        boolean award = node.has("award");
        boolean tier = node.has("tier");
        if (award == tier) {
            problems.add(path + ": must have either award (with action) or tier");
            return null;
        }
        if (tier) {
            if (node.has("action")) {
                problems.add(path + ".action: only with award");
            }
            String id = text(node, "tier", path + ".tier", problems);
            if (id != null && rules.tiers().stream().noneMatch(t -> t.id().equals(id))) {
                problems.add(path + ".tier: no tier '" + id + "' in the " + rules.year() + " rules");
                return null;
            }
            return branch == null || reason == null || id == null ? null : new CouncilDecisions.SetTier(branch, id, reason);
        }
        String id = text(node, "award", path + ".award", problems);
        if (id != null && rules.awards().stream().noneMatch(a -> a.id().equals(id))) {
            problems.add(path + ".award: no award '" + id + "' in the " + rules.year() + " rules");
            return null;
        }
        String action = text(node, "action", path + ".action", problems);
        if (action != null && !Set.of("withdraw", "grant").contains(action)) {
            problems.add(path + ".action: must be withdraw or grant, found '" + action + "'");
            return null;
        }
        if (branch == null || reason == null || id == null || action == null) {
            return null;
        }
        return action.equals("withdraw") ? new CouncilDecisions.WithdrawAward(branch, id, reason)
                : new CouncilDecisions.GrantAward(branch, id, reason);
    }

    /** A required, non-blank scalar, as text (a number or date is read as it is written). */
    private static String text(JsonNode node, String key, String path, List<String> problems) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            problems.add(path + ": missing");
            return null;
        }
        if (!value.isValueNode() || value.asString().isBlank()) {
            problems.add(path + ": must be a text, found " + (value.isValueNode() ? "nothing" : "a " + value.getNodeType().name().toLowerCase()));
            return null;
        }
        String text = value.asString().strip();
        if (Texts.controlCount(text) > 0) {
            problems.add(path + ": holds control characters");
            return null;
        }
        return text;
    }

    private static void known(JsonNode node, String prefix, Set<String> keys, List<String> problems) {
        for (String key : node.propertyNames()) {
            if (!keys.contains(key)) {
                problems.add(prefix + key + ": unknown key (expected one of " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }
}
