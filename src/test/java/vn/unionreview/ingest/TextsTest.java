package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Text cleaning: its fast path for already clean text must give exactly what the full cleaning gives. */
class TextsTest {

    /** The cleaning as specified, without the fast path. */
    private static String reference(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+").matcher(nfc).replaceAll(" ").strip();
    }

    @Property(tries = 3000)
    void cleanIsTheReferenceCleaning(@ForAll("typedText") String text) {
        assertThat(Texts.clean(text)).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> typedText() {
        // letters, Vietnamese precomposed and decomposed (combining marks), and every kind of space
        return Arbitraries.strings().withChars("aAđĐệẾ8,.:-").withChars('\u0301', '\u0323', '\u0302')
                .withChars(' ', '\t', '\n', '\r', '\u000B', '\f', '\u00A0', '\u2007', '\u202F', '\uFEFF', '\u2003', '\u3000')
                .ofMinLength(0).ofMaxLength(12);
    }

    @Test
    void cleansWhatPeopleType() {
        assertThat(Texts.clean("  Công\u00A0đoàn \t Sở  Y tế \uFEFF")).isEqualTo("Công đoàn Sở Y tế");
        assertThat(Texts.clean("Tie\u0302\u0301n")).isEqualTo("Tiến");
        assertThat(Texts.clean(null)).isEmpty();
        assertThat(Texts.clean("\u2003x\u2003")).isEqualTo("x");
    }
}
