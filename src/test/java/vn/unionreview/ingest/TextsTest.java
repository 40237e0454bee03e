package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.unionreview.Seeded;

/** Text cleaning: its fast path for already clean text must give exactly what the full cleaning gives. */
class TextsTest {

    /** The cleaning as specified, without the fast path. */
    private static String reference(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+").matcher(nfc).replaceAll(" ").strip();
    }

    /** Letters, Vietnamese precomposed and decomposed (combining marks), and every kind of space. */
    private static final String TYPED = "aAđĐệẾ8,.:-\u0301\u0323\u0302 \t\n\r\u000B\f\u00A0\u2007\u202F\uFEFF\u2003\u3000";

    @Test
    void cleanIsTheReferenceCleaning() {
        Seeded.forAll(3000, random -> Seeded.string(random, TYPED, 12), text -> assertThat(Texts.clean(text)).isEqualTo(reference(text)));
    }

    @Test
    void cleansWhatPeopleType() {
        assertThat(Texts.clean("  Công\u00A0đoàn \t Sở  Y tế \uFEFF")).isEqualTo("Công đoàn Sở Y tế");
        assertThat(Texts.clean("Tie\u0302\u0301n")).isEqualTo("Tiến");
        assertThat(Texts.clean(null)).isEmpty();
        assertThat(Texts.clean("\u2003x\u2003")).isEqualTo("x");
    }
}
