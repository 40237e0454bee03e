package vn.unionreview;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSet;
import vn.unionreview.rules.RuleSetLoader;
import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

/** Test data: the shipped rule sets and terse submissions. */
public final class Fixtures {

    private Fixtures() {}

    public static RuleSet rules2025() {
        return RuleSetLoader.load(Path.of("config/rules/2025.yaml")).rules();
    }

    /** The 2025 sample's rules as a run takes them: its rule file, with the fact checks beside it. */
    public static RuleBook book2025() {
        return RuleSetLoader.loadBook(Path.of("config/rules/2025.yaml"));
    }

    /** The 2026 sample's rules: a folder of kinds. */
    public static RuleBook book2026() {
        return RuleSetLoader.loadBook(Path.of("config/rules/2026"));
    }

    public static RuleSet rules2018() {
        return RuleSetLoader.load(Path.of("config/rules/2018.yaml")).rules();
    }

    /** The 2025 rule file re-dated to {@code year}, written into {@code dir}: a rule set for another year's sample. */
    public static Path rulesFileFor(Path dir, int year) throws IOException {
        Path file = dir.resolve(year + ".yaml");
        Files.writeString(
                file, Files.readString(Path.of("config/rules/2025.yaml")).replace("year: 2025", "year: " + year));
        return file;
    }

    public static RuleSet rules(String yaml) {
        return RuleSetLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    public static Branch branch(String code, String bloc) {
        return new Branch(code, "Công đoàn " + code, bloc);
    }

    /**
     * A submission from "A1=8.5 A2=9 A1.v=8 members_union=50 work_stoppage=true": criterion self scores, verified
     * scores with ".v", facts by id (true/false or a number).
     */
    public static Submission submission(String code, String spec) {
        Map<String, BigDecimal> self = new HashMap<>();
        Map<String, BigDecimal> verified = new HashMap<>();
        Map<String, FactValue> facts = new HashMap<>();
        for (String item : spec.trim().split("\\s+")) {
            if (item.isEmpty()) {
                continue;
            }
            String[] kv = item.split("=");
            String key = kv[0];
            String value = kv[1];
            if (value.equals("true") || value.equals("false")) {
                facts.put(key, FactValue.of(Boolean.parseBoolean(value)));
            } else if (key.endsWith(".v")) {
                verified.put(key.substring(0, key.length() - 2), new BigDecimal(value));
            } else if (Character.isUpperCase(key.charAt(0))) {
                self.put(key, new BigDecimal(value));
            } else {
                facts.put(key, FactValue.of(new BigDecimal(value)));
            }
        }
        return new Submission(code, self, verified, facts);
    }

    /** Every 2025 group criterion at {@code each}, healthy facts, plus {@code extra}. */
    public static Submission uniform2025(String code, String each, String extra) {
        StringBuilder spec = new StringBuilder();
        for (String c : new String[] {"A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "D1", "D2"}) {
            spec.append(c).append('=').append(each).append(' ');
        }
        spec.append("members_total=100 members_union=95 dues_remitted=true ").append(extra);
        return submission(code, spec.toString());
    }

    /** Copies the shipped sample year (input/2025) to {@code yearDir}, for a test to add to or damage. */
    public static Path copySampleYear(Path yearDir) throws IOException {
        return copySampleYear(2025, yearDir);
    }

    /** A copy of the shipped sample year {@code year} (input/&lt;year&gt;) in {@code yearDir}. */
    public static Path copySampleYear(int year, Path yearDir) throws IOException {
        Path sample = Path.of("input", Integer.toString(year));
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path from : files.toList()) {
                Path to = yearDir.resolve(sample.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return yearDir;
    }

    /**
     * The council's decisions file of meeting 05/BB-HĐTĐKT (2026-01-10) in {@code yearDir}, one decision per line, each
     * a YAML flow mapping, e.g. {@code {branch: CDCS-025, award: CO, action: withdraw, reason: "…"}}.
     */
    public static Path councilDecisions(Path yearDir, String... decisions) throws IOException {
        StringBuilder yaml = new StringBuilder(
                "format: union-review/decisions/v1\nmeeting: {number: \"05/BB-HĐTĐKT\", date: 2026-01-10}\n"
                        + "decisions:\n");
        for (String decision : decisions) {
            yaml.append("  - ").append(decision).append('\n');
        }
        return Files.writeString(yearDir.resolve("decisions.yaml"), yaml);
    }
}
