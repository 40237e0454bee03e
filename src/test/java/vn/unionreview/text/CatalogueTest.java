package vn.unionreview.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/**
 * The message catalogues are whole: every code the program uses has words in Vietnamese and in English, with the same
 * named arguments and the same "what to do" lines; the Vietnamese words are not the English ones; and a message keeps
 * its code and arguments through storage.
 */
class CatalogueTest {

    private static final Catalogue VI = Catalogue.of("vi");
    private static final Catalogue EN = Catalogue.of("en");
    /** A message made, or said on a command line or a page. */
    private static final Pattern CODE_IN_SOURCE =
            Pattern.compile("(?:Message\\.of|\\.say)\\(\\s*\"([a-z][a-z0-9_.]+)\"");
    /** Messages whose words are their arguments alone, the same in every language. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of(
            "legacy.text",
            "where.file",
            "council.applied",
            "signal.fact_conflict",
            "registry.unusable",
            "decisions.bad_branch",
            "run.failed_at",
            "serve.bad_http",
            "serve.failure",
            "serve.ran",
            "summary.tier",
            "cli.item",
            "verify.output_differs",
            "rules.sha",
            "rules.invalid_with",
            "template.table_unusable",
            "verify.setting_differs");

    @Test
    void everyCodeTheProgramUsesHasWordsInBothLanguages() throws Exception {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_IN_SOURCE.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(code -> !VI.has(code) || !EN.has(code)).toList())
                .as("codes with no words")
                .isEmpty();
        assertThat(VI.codes()).isEqualTo(EN.codes());
    }

    @Test
    void bothLanguagesNameTheSameArgumentsAndGiveTheSameWhatToDoLines() {
        List<String> mismatched = new ArrayList<>();
        for (String code : VI.codes()) {
            if (!arguments(VI.pattern(code).orElseThrow(), "vi")
                    .equals(arguments(EN.pattern(code).orElseThrow(), "en"))) {
                mismatched.add(code);
            }
            if (VI.pattern(code + ".todo").isPresent()
                    != EN.pattern(code + ".todo").isPresent()) {
                mismatched.add(code + ".todo");
            }
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void theVietnameseWordsAreNotTheEnglishOnes() {
        List<String> same = VI.codes().stream()
                .filter(code -> !SAME_IN_EVERY_LANGUAGE.contains(code))
                .filter(code -> VI.pattern(code).equals(EN.pattern(code)))
                .toList();
        assertThat(same).isEmpty();
    }

    @Test
    void numbersFollowTheReadersLocaleAndTypedTextStaysAsTyped() {
        Message offStep = Message.of("score.off_step", "score", new BigDecimal("7.3"), "step", new BigDecimal("0.5"));
        assertThat(VI.render(offStep)).isEqualTo("điểm 7,3 không theo bước điểm 0,5");
        assertThat(EN.render(offStep)).isEqualTo("score 7.3 is not a multiple of the step 0.5");
        Message typed = Message.of("cell.not_a_number", "value", "8.5.1");
        assertThat(VI.render(typed)).isEqualTo("giá trị '8.5.1' không phải là số");
        assertThat(EN.render(Message.of("name.controls_removed", "count", 1))).isEqualTo("1 control character removed");
        assertThat(EN.render(Message.of("name.controls_removed", "count", 3)))
                .isEqualTo("3 control characters removed");
        assertThat(VI.render(Message.of("notsubmitted.all_rejected", "rows", 1)))
                .startsWith("bản dữ liệu duy nhất bị từ chối");
        assertThat(VI.render(Message.of("notsubmitted.all_rejected", "rows", 2)))
                .startsWith("cả 2 bản dữ liệu đều bị từ chối");
        assertThat(VI.todo(Message.of(
                        "score.above_maximum",
                        "score",
                        BigDecimal.TEN,
                        "max",
                        new BigDecimal("7.5"),
                        "criterion",
                        "A1")))
                .contains("Chấm lại trong khoảng từ 0 đến 7,5.");
    }

    @Test
    void aMessageKeepsItsCodeAndArgumentsThroughStorage() {
        Message nested = Message.of(
                "duplicate.all_rejected",
                "code",
                "CDCS-029",
                "others",
                List.of(Message.of("where.row", "file", "tables/a.csv", "row", 7)));
        Message score = Message.of(
                "score.above_maximum", "score", new BigDecimal("12.5"), "max", BigDecimal.TEN, "criterion", "A2");
        for (Message m : List.of(nested, score, Message.of("file.empty"))) {
            Message back = Message.decode(m.encode());
            assertThat(back.code()).isEqualTo(m.code());
            assertThat(back.encode()).isEqualTo(m.encode());
            assertThat(VI.render(back)).isEqualTo(VI.render(m));
        }
        assertThat(nested.encode()).startsWith("duplicate.all_rejected {");
        // what an earlier version stored, a finished sentence, is kept as it was
        Message legacy = Message.decode("score 12 is above the maximum 10 for A2");
        assertThat(legacy.code()).isEqualTo("legacy.text");
        assertThat(VI.render(legacy)).isEqualTo("score 12 is above the maximum 10 for A2");
    }

    private static Set<String> arguments(String pattern, String lang) {
        return new TreeSet<>(new MessageFormat(pattern, new ULocale(lang)).getArgumentNames());
    }
}
