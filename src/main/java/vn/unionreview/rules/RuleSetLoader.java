package vn.unionreview.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import vn.unionreview.Digests;
import vn.unionreview.text.Message;
import vn.unionreview.text.Text;

/**
 * Reads a rule file ({@code config/rules/<year>.yaml}) as {@code rules-format.md} defines it and validates all of it
 * before any data is read. Every problem is collected with its key path, so a user fixes the whole file in one pass.
 */
public final class RuleSetLoader {

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Set<String> SUBJECTS = Set.of("fact", "criterion", "group", "derived", "total");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleSetLoader() {}

    public static RuleSetFile load(Path file) {
        byte[] bytes = read(file, RuleSetException.What.RULES);
        return new RuleSetFile(file, Digests.sha256(bytes), parse(file.toString(), bytes));
    }

    /**
     * A year's rules: a rule file with the fact checks beside it, or a folder of kinds, each {@code <kind>.yaml} a rule
     * set whose {@code kind.id} is its name, with its own {@code <kind>.checks.yaml}.
     *
     * @throws RuleSetException naming every problem of the file, or of the folder and then of the first file that has
     *     some
     */
    public static RuleBook loadBook(Path path) {
        if (!Files.isDirectory(path)) {
            RuleSetFile file = load(path);
            return RuleBook.of(file, loadChecks(path, file.rules()));
        }
        List<Path> paths;
        try (var listed = Files.list(path)) {
            paths = listed.filter(p ->
                            Files.isRegularFile(p) && isRuleFile(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new RuleSetException(
                    path.toString(),
                    RuleSetException.What.KINDS,
                    List.of(Message.of("yaml.unreadable", "detail", String.valueOf(e.getMessage()))));
        }
        List<RuleSetFile> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(load(p));
        }
        List<Message> problems = kindProblems(files);
        if (files.isEmpty()) {
            problems.add(Message.of("rules.no_kinds"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(path.toString(), RuleSetException.What.KINDS, problems);
        }
        files.sort(Comparator.comparing(f -> f.rules().kind().id()));
        List<FactChecks> checks = new ArrayList<>();
        for (RuleSetFile f : files) {
            checks.add(loadChecks(f.path(), f.rules()));
        }
        String listing = new RuleBook(path, "", files, checks).listing();
        return new RuleBook(path, Digests.sha256(listing.getBytes(StandardCharsets.UTF_8)), files, checks);
    }

    private static boolean isRuleFile(String name) {
        return name.matches("(?i).+\\.ya?ml") && !name.matches("(?i).+\\.checks\\.ya?ml");
    }

    /** What makes a folder's rule sets not one year's kinds: a file without its kind, named for another, or twice. */
    private static List<Message> kindProblems(List<RuleSetFile> files) {
        List<Message> problems = new ArrayList<>();
        Map<String, String> fileOfKind = new HashMap<>();
        int year = files.isEmpty() ? 0 : files.get(0).rules().year();
        for (RuleSetFile f : files) {
            String file = f.path().getFileName().toString();
            Kind kind = f.rules().kind();
            if (kind == null) {
                problems.add(Message.of("rules.kind_missing", "file", file));
                continue;
            }
            String named = file.replaceFirst("(?i)\\.ya?ml$", "");
            if (!named.equals(kind.id())) {
                problems.add(Message.of("rules.kind_file_name", "file", file, "id", kind.id()));
            }
            String other = fileOfKind.putIfAbsent(kind.id().toLowerCase(Locale.ROOT), file);
            if (other != null) {
                problems.add(Message.of("rules.kind_twice", "kind", kind.id(), "file", file, "other", other));
            }
            if (f.rules().year() != year) {
                problems.add(Message.of(
                        "rules.kinds_year",
                        "file",
                        file,
                        "found",
                        String.valueOf(f.rules().year()),
                        "year",
                        String.valueOf(year)));
            }
        }
        return problems;
    }

    public static RuleSet parse(String source, byte[] yaml) {
        JsonNode root = tree(source, RuleSetException.What.RULES, yaml);
        Parser parser = new Parser();
        RuleSet rules = parser.ruleSet(root);
        if (!parser.problems.isEmpty()) {
            throw new RuleSetException(source, RuleSetException.What.RULES, parser.problems);
        }
        return rules;
    }

    /**
     * The fact checks beside a rule file ({@link FactChecks#besideRules}), or {@link FactChecks#NONE} when there is no
     * such file. Its conditions are read as a cap's and may name only what the rule set declares.
     *
     * @throws RuleSetException naming the key path of every problem, as for a rule set
     */
    public static FactChecks loadChecks(Path rulesFile, RuleSet rules) {
        Path file = FactChecks.besideRules(rulesFile);
        if (!Files.isRegularFile(file)) {
            return FactChecks.NONE;
        }
        byte[] bytes = read(file, RuleSetException.What.CHECKS);
        Parser parser = new Parser(rules);
        List<FactCheck> checks =
                parser.checks(tree(file.toString(), RuleSetException.What.CHECKS, bytes), rules.year());
        if (!parser.problems.isEmpty()) {
            throw new RuleSetException(file.toString(), RuleSetException.What.CHECKS, parser.problems);
        }
        return new FactChecks(file, Digests.sha256(bytes), checks);
    }

    private static byte[] read(Path file, RuleSetException.What what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RuleSetException(
                    file.toString(),
                    what,
                    List.of(Message.of("yaml.unreadable", "detail", String.valueOf(e.getMessage()))));
        }
    }

    private static JsonNode tree(String source, RuleSetException.What what, byte[] yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new RuleSetException(
                    source,
                    what,
                    List.of(Message.of(
                            "yaml.invalid",
                            "detail",
                            e.getOriginalMessage(),
                            "line",
                            e.getLocation() != null ? e.getLocation().getLineNr() : 0)));
        }
    }

    /** One pass over the tree; collects problems instead of stopping at the first. */
    private static final class Parser {
        private final List<Message> problems = new ArrayList<>();
        private final Map<String, CriterionKind> criteria = new HashMap<>();
        private final Set<String> groupIds = new HashSet<>();
        private final Map<String, FactType> facts = new HashMap<>();
        private final Set<String> derivedIds = new HashSet<>();
        private final Set<String> tierIds = new LinkedHashSet<>();
        private BigDecimal step = BigDecimal.ONE;

        Parser() {}

        /** A parser for files that refer to an existing rule set's criteria, groups, facts and derived values. */
        Parser(RuleSet rules) {
            rules.criteria().forEach(c -> criteria.put(c.id(), c.kind()));
            rules.groups().forEach(g -> groupIds.add(g.id()));
            rules.facts().forEach(f -> facts.put(f.id(), f.type()));
            rules.derived().forEach(d -> derivedIds.add(d.id()));
            rules.tiers().forEach(t -> tierIds.add(t.id()));
            step = rules.step();
        }

        List<FactCheck> checks(JsonNode root, int year) {
            if (root == null || !root.isObject()) {
                problem("(top level)", "rules.top_level");
                return List.of();
            }
            knownKeys(root, "", Set.of("format", "year", "fact_conflicts"));
            String format = string(root, "", "format", true);
            if (format != null && !FactChecks.FORMAT.equals(format)) {
                problem("format", "yaml.wrong_format", "expected", FactChecks.FORMAT, "found", format);
            }
            Integer checksYear = integer(root, "", "year", true, 1900, 2200);
            if (checksYear != null && checksYear != year) {
                problem(
                        "year",
                        "rules.checks_year",
                        "checks",
                        String.valueOf(checksYear),
                        "year",
                        String.valueOf(year));
            }
            Set<String> ids = new HashSet<>();
            return list(root, "", "fact_conflicts", true, (node, path) -> {
                knownKeys(node, path, Set.of("id", "when", "explain"));
                String id = id(node, path, "id");
                if (id != null && !ids.add(id)) {
                    problem(path + ".id", "rules.duplicate_id", "id", id);
                }
                Condition when = node.has("when") ? condition(node.get("when"), path + ".when") : null;
                if (!node.has("when")) {
                    problem(path + ".when", "yaml.missing");
                }
                return new FactCheck(id, when, text(node, path, "explain", true));
            });
        }

        RuleSet ruleSet(JsonNode root) {
            if (root == null || !root.isObject()) {
                problem("(top level)", "rules.top_level");
                return null;
            }
            knownKeys(
                    root,
                    "",
                    Set.of(
                            "format",
                            "year",
                            "title",
                            "issuer",
                            "step",
                            "groups",
                            "bonus",
                            "penalty",
                            "facts",
                            "derived",
                            "tiers",
                            "caps",
                            "quotas",
                            "ranking",
                            "awards",
                            "eligibility",
                            "kind",
                            "targets"));
            String format = string(root, "", "format", true);
            if (format != null && !RuleSet.FORMAT.equals(format)) {
                problem("format", "yaml.wrong_format", "expected", RuleSet.FORMAT, "found", format);
            }
            Integer year = integer(root, "", "year", true, 1900, 2200);
            Text title = text(root, "", "title", true);
            Text issuer = text(root, "", "issuer", true);
            BigDecimal stepValue = decimal(root, "", "step", true);
            if (stepValue != null && stepValue.signum() <= 0) {
                problem("step", "rules.not_positive");
            } else if (stepValue != null) {
                step = stepValue;
            }
            List<Group> groups = list(root, "", "groups", true, this::group);
            if (groups.isEmpty() && root.has("groups")) {
                problem("groups", "rules.no_groups");
            }
            Adjustment bonus = adjustment(root, "bonus", CriterionKind.BONUS);
            Adjustment penalty = adjustment(root, "penalty", CriterionKind.PENALTY);
            List<Fact> factList = list(root, "", "facts", false, this::fact);
            List<Derived> derived = list(root, "", "derived", false, this::derived);
            List<Tier> tiers = tiers(root);
            List<Cap> caps = list(root, "", "caps", false, this::cap);
            List<Quota> quotas = list(root, "", "quotas", false, this::quota);
            List<TieBreak> tieBreaks = tieBreaks(root);
            List<Award> awards = awards(root);
            Eligibility eligibility = eligibility(root, year);
            Kind kind = kind(root);
            List<Target> targets = list(root, "", "targets", false, this::target);
            if (!problems.isEmpty()) {
                return null;
            }
            return new RuleSet(
                    year,
                    title,
                    issuer,
                    step,
                    groups,
                    bonus,
                    penalty,
                    factList,
                    derived,
                    tiers,
                    caps,
                    quotas,
                    tieBreaks,
                    awards,
                    tierFirst(root),
                    eligibility,
                    kind,
                    targets);
        }

        /** {@code targets}: optional; each {@code id}, {@code title}, {@code tier} and a min_share or max_share. */
        private Target target(JsonNode node, String path) {
            knownKeys(node, path, Set.of("id", "title", "tier", "min_share", "max_share"));
            String id = id(node, path, "id");
            Text title = text(node, path, "title", true);
            String tier = tierRef(node, path, "tier");
            BigDecimal min = decimal(node, path, "min_share", false);
            BigDecimal max = decimal(node, path, "max_share", false);
            if ((min == null) == (max == null)) {
                problem(path, "rules.share_or_count", "share", "min_share", "count", "max_share");
            }
            for (BigDecimal share : new BigDecimal[] {min, max}) {
                if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
                    problem(
                            path + (share == min ? ".min_share" : ".max_share"),
                            "rules.share_range",
                            "found",
                            share.toPlainString());
                }
            }
            return new Target(id, title, tier, Optional.ofNullable(min), Optional.ofNullable(max));
        }

        /** {@code kind: {id, title}}, or null when the rule set is a year's only one. */
        private Kind kind(JsonNode root) {
            JsonNode node = root.get("kind");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problem("kind", "rules.kind_mapping");
                return null;
            }
            knownKeys(node, "kind", Set.of("id", "title"));
            String id = id(node, "kind", "id");
            Text title = text(node, "kind", "title", true);
            return id == null || title == null ? null : new Kind(id, title);
        }

        /**
         * {@code eligibility: {as_of, min_months, min_months_after_reorganisation}}; {@code as_of} is 31 December of
         * the year unless given. Null when the key is absent: every branch is rated.
         */
        private Eligibility eligibility(JsonNode root, Integer year) {
            JsonNode node = root.get("eligibility");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problem("eligibility", "rules.eligibility_mapping");
                return null;
            }
            knownKeys(node, "eligibility", Set.of("as_of", "min_months", "min_months_after_reorganisation"));
            LocalDate asOf = year == null ? null : LocalDate.of(year, 12, 31);
            String written = string(node, "eligibility", "as_of", false);
            if (written != null) {
                try {
                    asOf = LocalDate.parse(written.strip());
                } catch (DateTimeParseException e) {
                    problem("eligibility.as_of", "yaml.not_a_date", "found", written);
                }
            }
            Integer months = integer(node, "eligibility", "min_months", true, 0, 120);
            Integer afterReorganisation = integer(node, "eligibility", "min_months_after_reorganisation", true, 0, 120);
            return asOf == null || months == null || afterReorganisation == null
                    ? null
                    : new Eligibility(asOf, months, afterReorganisation);
        }

        private Group group(JsonNode node, String path) {
            knownKeys(node, path, Set.of("id", "title", "criteria"));
            String id = id(node, path, "id");
            if (id != null && !groupIds.add(id)) {
                problem(path + ".id", "rules.duplicate_id", "id", id);
            }
            Text title = text(node, path, "title", true);
            List<Criterion> list =
                    list(node, path, "criteria", true, (n, p) -> criterion(n, p, CriterionKind.GROUP, id));
            if (list.isEmpty() && node.has("criteria")) {
                problem(path + ".criteria", "rules.no_criteria");
            }
            return new Group(id, title, list);
        }

        private Criterion criterion(JsonNode node, String path, CriterionKind kind, String groupId) {
            knownKeys(node, path, Set.of("id", "title", "max"));
            String id = id(node, path, "id");
            if (id != null && criteria.putIfAbsent(id, kind) != null) {
                problem(path + ".id", "rules.duplicate_id", "id", id);
            }
            Text title = text(node, path, "title", true);
            BigDecimal max = decimal(node, path, "max", true);
            if (max != null) {
                if (max.signum() <= 0) {
                    problem(path + ".max", "rules.not_positive");
                } else if (max.remainder(step).signum() != 0) {
                    problem(path + ".max", "rules.off_step", "max", max.toPlainString(), "step", step.toPlainString());
                }
            }
            return new Criterion(id, title, max, kind, groupId);
        }

        private Adjustment adjustment(JsonNode root, String key, CriterionKind kind) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return Adjustment.none();
            }
            if (!node.isObject()) {
                problem(key, "rules.group_mapping");
                return Adjustment.none();
            }
            knownKeys(node, key, Set.of("max", "criteria"));
            BigDecimal max = decimal(node, key, "max", true);
            if (max != null && max.signum() < 0) {
                problem(key + ".max", "rules.negative");
            }
            List<Criterion> list = list(node, key, "criteria", true, (n, p) -> criterion(n, p, kind, key));
            return new Adjustment(max, list);
        }

        private Fact fact(JsonNode node, String path) {
            knownKeys(node, path, Set.of("id", "title", "type"));
            String id = id(node, path, "id");
            Text title = text(node, path, "title", true);
            String type = string(node, path, "type", true);
            FactType factType = null;
            if (type != null) {
                switch (type) {
                    case "boolean" -> factType = FactType.BOOLEAN;
                    case "integer" -> factType = FactType.INTEGER;
                    case "decimal" -> factType = FactType.DECIMAL;
                    default -> problem(path + ".type", "rules.fact_type", "found", type);
                }
            }
            if (id != null) {
                if (criteria.containsKey(id) || facts.containsKey(id)) {
                    problem(path + ".id", "rules.id_taken", "id", id);
                }
                facts.put(id, factType);
            }
            return new Fact(id, title, factType);
        }

        private Derived derived(JsonNode node, String path) {
            knownKeys(node, path, Set.of("id", "ratio"));
            String id = id(node, path, "id");
            if (id != null && (facts.containsKey(id) || criteria.containsKey(id) || !derivedIds.add(id))) {
                problem(path + ".id", "rules.id_taken", "id", id);
            }
            JsonNode ratio = node.get("ratio");
            if (ratio == null || !ratio.isArray() || ratio.size() != 2) {
                problem(path + ".ratio", "rules.ratio");
                return new Derived(id, null, null);
            }
            String[] parts = new String[2];
            for (int i = 0; i < 2; i++) {
                String p = path + ".ratio[" + i + "]";
                JsonNode f = ratio.get(i);
                if (!f.isString()) {
                    problem(p, "rules.id_expected", "kind", "fact");
                } else if (facts.get(f.stringValue()) == null
                        || !facts.get(f.stringValue()).numeric()) {
                    problem(p, "rules.not_numeric_fact", "id", f.stringValue());
                } else {
                    parts[i] = f.stringValue();
                }
            }
            return new Derived(id, parts[0], parts[1]);
        }

        private List<Tier> tiers(JsonNode root) {
            // ids first, so that require conditions may only name tiers indirectly (they cannot), and caps can check
            // max_tier
            JsonNode node = root.get("tiers");
            if (node != null && node.isArray()) {
                for (JsonNode t : node) {
                    if (t.isObject() && t.get("id") != null && t.get("id").isString()) {
                        if (!tierIds.add(t.get("id").stringValue())) {
                            problem(
                                    "tiers",
                                    "rules.duplicate_id",
                                    "id",
                                    t.get("id").stringValue());
                        }
                    }
                }
            }
            List<Tier> tiers = list(root, "", "tiers", true, this::tier);
            if (root.has("tiers") && tiers.size() < 2) {
                problem("tiers", "rules.two_tiers");
            } else if (!tiers.isEmpty()) {
                Tier last = tiers.get(tiers.size() - 1);
                String path = "tiers[" + (tiers.size() - 1) + "]";
                if (last.minTotal().isPresent()) {
                    problem(path + ".min_total", "rules.last_tier_key", "key", "min_total");
                }
                if (last.require().isPresent()) {
                    problem(path + ".require", "rules.last_tier_key", "key", "require");
                }
            }
            return tiers;
        }

        private Tier tier(JsonNode node, String path) {
            knownKeys(node, path, Set.of("id", "title", "min_total", "require"));
            String id = id(node, path, "id");
            Text title = text(node, path, "title", true);
            BigDecimal min = decimal(node, path, "min_total", false);
            Condition require = node.has("require") ? condition(node.get("require"), path + ".require") : null;
            return new Tier(id, title, Optional.ofNullable(min), Optional.ofNullable(require));
        }

        private Cap cap(JsonNode node, String path) {
            knownKeys(node, path, Set.of("id", "when", "max_tier", "reason"));
            String id = id(node, path, "id");
            Condition when = node.has("when") ? condition(node.get("when"), path + ".when") : null;
            if (!node.has("when")) {
                problem(path + ".when", "yaml.missing");
            }
            String maxTier = tierRef(node, path, "max_tier");
            Text reason = text(node, path, "reason", true);
            return new Cap(id, when, maxTier, reason);
        }

        private Quota quota(JsonNode node, String path) {
            knownKeys(node, path, Set.of("tier", "scope", "max_share", "max_count"));
            String tier = tierRef(node, path, "tier");
            if (tier != null && tier.equals(lastTierId())) {
                problem(path + ".tier", "rules.last_tier_quota");
            }
            Scope scope = scope(node, path, true);
            if (scope == Scope.PROVINCE) {
                // a province's quotas cannot move what its units decided
                problem(path + ".scope", "rules.quota_scope_province");
            }
            BigDecimal share = decimal(node, path, "max_share", false);
            Integer count = integer(node, path, "max_count", false, 0, Integer.MAX_VALUE);
            shareOrCount(path, share, count, "max_share", "max_count");
            return new Quota(tier, scope, Optional.ofNullable(share), Optional.ofNullable(count));
        }

        private List<TieBreak> tieBreaks(JsonNode root) {
            JsonNode ranking = root.get("ranking");
            if (ranking == null || ranking.isNull()) {
                return List.of();
            }
            if (!ranking.isObject()) {
                problem("ranking", "rules.ranking_mapping");
                return List.of();
            }
            knownKeys(ranking, "ranking", Set.of("tie_breaks", "tier_first"));
            return list(ranking, "ranking", "tie_breaks", false, this::tieBreak);
        }

        /** {@code ranking.tier_first}: optional, false when absent (files written before it score as they did). */
        private boolean tierFirst(JsonNode root) {
            JsonNode ranking = root.get("ranking");
            JsonNode value = ranking == null || !ranking.isObject() ? null : ranking.get("tier_first");
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                problem("ranking.tier_first", "rules.not_boolean", "found", value.asString());
                return false;
            }
            return value.booleanValue();
        }

        private TieBreak tieBreak(JsonNode node, String path) {
            knownKeys(node, path, Set.of("group", "criterion", "fact", "derived", "order"));
            List<String> subjects = node.propertyNames().stream()
                    .filter(k -> !k.equals("order"))
                    .toList();
            if (subjects.size() != 1) {
                problem(path, "rules.tie_break_subject");
                return null;
            }
            String key = subjects.get(0);
            Subject subject = Subject.valueOf(key.toUpperCase(Locale.ROOT));
            String id = reference(node, path, key, subject);
            if (subject == Subject.FACT && id != null && facts.get(id) == FactType.BOOLEAN) {
                problem(path + ".fact", "rules.yes_no_ranking", "id", id);
            }
            String order = string(node, path, "order", false);
            if (order != null && !order.equals("asc") && !order.equals("desc")) {
                problem(path + ".order", "rules.order", "found", order);
            }
            return new TieBreak(subject, id, "asc".equals(order));
        }

        private List<Award> awards(JsonNode root) {
            Set<String> earlier = new HashSet<>();
            return list(root, "", "awards", false, (node, path) -> {
                Award award = award(node, path, earlier);
                if (award.id() != null && !earlier.add(award.id())) {
                    problem(path + ".id", "rules.duplicate_id", "id", award.id());
                }
                return award;
            });
        }

        private Award award(JsonNode node, String path, Set<String> earlier) {
            knownKeys(node, path, Set.of("id", "title", "min_tier", "per_bloc", "max_share", "scope", "excludes"));
            String id = id(node, path, "id");
            Text title = text(node, path, "title", true);
            String minTier = tierRef(node, path, "min_tier");
            Integer perBloc = integer(node, path, "per_bloc", false, 1, Integer.MAX_VALUE);
            BigDecimal share = decimal(node, path, "max_share", false);
            shareOrCount(path, share, perBloc, "max_share", "per_bloc");
            Scope scope = share != null ? scope(node, path, true) : Scope.BLOC;
            if (perBloc != null && node.has("scope")) {
                problem(path + ".scope", "rules.scope_per_bloc");
            }
            List<String> excludes = new ArrayList<>();
            JsonNode ex = node.get("excludes");
            if (ex != null && !ex.isNull()) {
                if (!ex.isArray()) {
                    problem(path + ".excludes", "rules.award_ids");
                } else {
                    for (int i = 0; i < ex.size(); i++) {
                        JsonNode e = ex.get(i);
                        if (!e.isString() || !earlier.contains(e.stringValue())) {
                            problem(
                                    path + ".excludes[" + i + "]",
                                    "rules.excludes_earlier",
                                    "found",
                                    e.isString() ? e.stringValue() : "?");
                        } else {
                            excludes.add(e.stringValue());
                        }
                    }
                }
            }
            return new Award(
                    id, title, minTier, Optional.ofNullable(perBloc), Optional.ofNullable(share), scope, excludes);
        }

        private void shareOrCount(String path, BigDecimal share, Integer count, String shareKey, String countKey) {
            if ((share == null) == (count == null)) {
                problem(path, "rules.share_or_count", "share", shareKey, "count", countKey);
            }
            if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
                problem(path + "." + shareKey, "rules.share_range", "found", share.toPlainString());
            }
        }

        private Scope scope(JsonNode node, String path, boolean required) {
            String s = string(node, path, "scope", required);
            if (s == null) {
                return Scope.ALL;
            }
            return switch (s) {
                case "bloc" -> Scope.BLOC;
                case "all" -> Scope.ALL;
                case "province" -> Scope.PROVINCE;
                default -> {
                    problem(path + ".scope", "rules.scope", "found", s);
                    yield Scope.ALL;
                }
            };
        }

        // ---- conditions -------------------------------------------------------------------

        Condition condition(JsonNode node, String path) {
            if (node == null || !node.isObject() || node.isEmpty()) {
                problem(path, "rules.condition");
                return null;
            }
            Set<String> keys = new LinkedHashSet<>(node.propertyNames());
            for (String combinator : List.of("all", "any", "not", "each_group_share", "any_criterion_zero")) {
                if (keys.contains(combinator)) {
                    if (keys.size() != 1) {
                        problem(path, "rules.combinator_alone", "key", combinator);
                        return null;
                    }
                    return combinator(combinator, node.get(combinator), path + "." + combinator);
                }
            }
            return comparison(node, path, keys);
        }

        private Condition combinator(String key, JsonNode value, String path) {
            switch (key) {
                case "all", "any" -> {
                    if (!value.isArray() || value.isEmpty()) {
                        problem(path, "rules.conditions");
                        return null;
                    }
                    List<Condition> parts = new ArrayList<>();
                    for (int i = 0; i < value.size(); i++) {
                        parts.add(condition(value.get(i), path + "[" + i + "]"));
                    }
                    if (parts.contains(null)) {
                        return null; // its problem is already recorded
                    }
                    return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
                }
                case "not" -> {
                    Condition inner = condition(value, path);
                    return inner == null ? null : new Condition.Not(inner);
                }
                case "each_group_share" -> {
                    if (!value.isObject() || value.size() != 1) {
                        problem(path, "rules.one_comparison");
                        return null;
                    }
                    String opKey = value.propertyNames().iterator().next();
                    Op op = Op.fromKey(opKey);
                    if (op == null) {
                        problem(path + "." + opKey, "rules.operator");
                        return null;
                    }
                    JsonNode v = value.get(opKey);
                    if (!v.isNumber()) {
                        problem(path + "." + opKey, "rules.not_a_number");
                        return null;
                    }
                    return new Condition.EachGroupShare(op, v.decimalValue());
                }
                default -> {
                    if (!value.isBoolean()) {
                        problem(path, "rules.true_or_false");
                        return null;
                    }
                    return new Condition.AnyCriterionZero(value.booleanValue());
                }
            }
        }

        private Condition comparison(JsonNode node, String path, Set<String> keys) {
            List<String> subjects = keys.stream().filter(SUBJECTS::contains).toList();
            List<String> ops = keys.stream().filter(k -> Op.fromKey(k) != null).toList();
            for (String k : keys) {
                if (!SUBJECTS.contains(k) && Op.fromKey(k) == null) {
                    problem(path + "." + k, "rules.comparison_key");
                }
            }
            if (subjects.size() != 1 || ops.size() != 1) {
                if (problems.stream()
                        .noneMatch(p -> String.valueOf(p.args().get("path")).startsWith(path + "."))) {
                    problem(path, "rules.comparison_parts");
                }
                return null;
            }
            String subjectKey = subjects.get(0);
            Subject subject = Subject.valueOf(subjectKey.toUpperCase(Locale.ROOT));
            String id = subject == Subject.TOTAL ? null : reference(node, path, subjectKey, subject);
            if (subject != Subject.TOTAL && id == null) {
                return null; // the unknown reference is the problem to report, not its value
            }
            Op op = Op.fromKey(ops.get(0));
            JsonNode v = node.get(ops.get(0));
            String valuePath = path + "." + ops.get(0);
            boolean booleanFact = subject == Subject.FACT && id != null && facts.get(id) == FactType.BOOLEAN;
            if (booleanFact) {
                if (!v.isBoolean()) {
                    problem(valuePath, "rules.yes_no_value", "id", id);
                    return null;
                }
                if (op != Op.EQ && op != Op.NE) {
                    problem(valuePath, "rules.yes_no_operator", "id", id);
                    return null;
                }
                return new Condition.Compare(subject, id, op, v.booleanValue());
            }
            if (!v.isNumber()) {
                problem(valuePath, "rules.not_a_number");
                return null;
            }
            return new Condition.Compare(subject, id, op, v.decimalValue());
        }

        /** Reads an id that must name an existing criterion, group, fact or derived value. */
        private String reference(JsonNode node, String path, String key, Subject subject) {
            JsonNode v = node.get(key);
            String p = path + "." + key;
            if (v == null || !v.isString()) {
                problem(p, "rules.id_expected", "kind", key);
                return null;
            }
            String id = v.stringValue();
            boolean known = switch (subject) {
                case FACT -> facts.containsKey(id);
                case CRITERION -> criteria.containsKey(id);
                case GROUP -> groupIds.contains(id);
                case DERIVED -> derivedIds.contains(id);
                case TOTAL -> true;
            };
            if (!known) {
                problem(p, "rules.unknown_id", "kind", key, "id", id);
                return null;
            }
            return id;
        }

        private String tierRef(JsonNode node, String path, String key) {
            String id = string(node, path, key, true);
            if (id != null && !tierIds.contains(id)) {
                problem(path + "." + key, "rules.unknown_tier", "id", id, "tiers", String.join(", ", tierIds));
                return null;
            }
            return id;
        }

        private String lastTierId() {
            String last = null;
            for (String id : tierIds) {
                last = id;
            }
            return last;
        }

        // ---- primitives ---------------------------------------------------------------------

        private <T> List<T> list(
                JsonNode parent, String path, String key, boolean required, BiFunction<JsonNode, String, T> item) {
            JsonNode node = parent.get(key);
            String p = join(path, key);
            if (node == null || node.isNull()) {
                if (required) {
                    problem(p, "yaml.missing");
                }
                return List.of();
            }
            if (!node.isArray()) {
                problem(p, "yaml.not_a_list");
                return List.of();
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String ip = p + "[" + i + "]";
                JsonNode n = node.get(i);
                if (!n.isObject()) {
                    problem(ip, "rules.mapping");
                    continue;
                }
                out.add(item.apply(n, ip));
            }
            return out;
        }

        private void knownKeys(JsonNode node, String path, Set<String> allowed) {
            for (String k : node.propertyNames()) {
                if (!allowed.contains(k)) {
                    problem(join(path, k), "yaml.unknown_key", "expected", String.join(", ", new TreeSet<>(allowed)));
                }
            }
        }

        private String id(JsonNode node, String path, String key) {
            String id = string(node, path, key, true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(join(path, key), "rules.bad_id", "id", id);
                return null;
            }
            if (id != null && id.equalsIgnoreCase("code")) {
                problem(join(path, key), "rules.code_reserved");
            }
            return id;
        }

        private Text text(JsonNode node, String path, String key, boolean required) {
            JsonNode t = node.get(key);
            String p = join(path, key);
            if (t == null || t.isNull()) {
                if (required) {
                    problem(p + ".vi", "yaml.missing");
                }
                return null;
            }
            if (!t.isObject()) {
                problem(p, "rules.text");
                return null;
            }
            knownKeys(t, p, Set.of("vi", "en"));
            String vi = string(t, p, "vi", true);
            String en = string(t, p, "en", false);
            return vi == null ? null : new Text(normalize(vi), en == null ? normalize(vi) : normalize(en));
        }

        private String string(JsonNode node, String path, String key, boolean required) {
            return value(node, path, key, required, "text", JsonNode::isString, JsonNode::stringValue);
        }

        private BigDecimal decimal(JsonNode node, String path, String key, boolean required) {
            return value(node, path, key, required, "number", JsonNode::isNumber, JsonNode::decimalValue);
        }

        private Integer integer(JsonNode node, String path, String key, boolean required, int min, int max) {
            Integer v = value(node, path, key, required, "whole", JsonNode::isIntegralNumber, JsonNode::intValue);
            if (v != null && (v < min || v > max)) {
                problem(
                        join(path, key),
                        "rules.range",
                        "min",
                        String.valueOf(min),
                        "max",
                        String.valueOf(max),
                        "found",
                        String.valueOf(v));
                return null;
            }
            return v;
        }

        private <T> T value(
                JsonNode node,
                String path,
                String key,
                boolean required,
                String what,
                Predicate<JsonNode> is,
                Function<JsonNode, T> get) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(join(path, key), "yaml.missing");
                }
                return null;
            }
            if (!is.test(v)) {
                problem(join(path, key), "rules.wrong_type", "what", what, "found", describe(v));
                return null;
            }
            return get.apply(v);
        }

        private static String describe(JsonNode v) {
            return v.isString()
                    ? "'" + v.stringValue() + "'"
                    : v.isContainer() ? v.getNodeType().name().toLowerCase() : v.toString();
        }

        private static String normalize(String s) {
            return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** A problem at {@code path}: a code of the catalogue and its arguments, after the path. */
        private void problem(String path, String code, Object... namesAndValues) {
            Object[] args = new Object[namesAndValues.length + 2];
            args[0] = "path";
            args[1] = path;
            System.arraycopy(namesAndValues, 0, args, 2, namesAndValues.length);
            problems.add(Message.of(code, args));
        }
    }
}
