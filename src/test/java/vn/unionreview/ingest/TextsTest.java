package vn.unionreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.unionreview.Seeded;
import vn.unionreview.text.Message;

/** Text cleaning: its fast path for already clean text must give exactly what the full cleaning gives. */
class TextsTest {

    /** The cleaning as specified, without the fast path. */
    private static String reference(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+")
                .matcher(nfc)
                .replaceAll(" ")
                .strip();
    }

    /** Letters, Vietnamese precomposed and decomposed (combining marks), and every kind of space. */
    private static final String TYPED =
            "aAđĐệẾ8,.:-\u0301\u0323\u0302 \t\n\r\u000B\f\u00A0\u2007\u202F\uFEFF\u2003\u3000";

    @Test
    void cleanIsTheReferenceCleaning() {
        Seeded.forAll(
                3000,
                random -> Seeded.string(random, TYPED, 12),
                text -> assertThat(Texts.clean(text)).isEqualTo(reference(text)));
    }

    /** Anything a file may hold: letters, spaces, line ends, C0 and C1 controls, DEL, a surrogate pair. */
    private static final String ANYTHING = "aĐệ 8,\t\n\r\u0000\u0001\u0007\u001F\u007F\u0085\u009F\u00A0\uD83D\uDE00";

    @Test
    void aPrintableValueIsBoundedAndHasNoControlCharacter() {
        Seeded.forAll(2000, random -> Seeded.string(random, ANYTHING, 400), text -> {
            for (int max : new int[] {40, 200, 2000}) {
                String shown = Texts.printable(text, max);
                assertThat(shown.length()).isLessThanOrEqualTo(max);
                assertThat(Texts.controlCount(shown)).isZero();
                assertThat(shown).doesNotContain("\t", "\n", "\r");
                if (text.length() <= max && Texts.controlCount(text) == 0 && !text.matches("(?s).*[\t\n\r].*")) {
                    assertThat(shown).isSameAs(text);
                }
                if (text.length() > max) {
                    assertThat(shown)
                            .endsWith("… (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)");
                }
            }
            assertThat(Texts.controlCount(Texts.withoutControls(text))).isZero();
            assertThat(Texts.withoutControls(text).length()).isEqualTo(text.length() - Texts.controlCount(text));
        });
    }

    @Test
    void namesAreCleanedTheOneWayEverywhere() {
        assertThat(PersonName.of("Công đoàn\u0001 Trường\u0007"))
                .isEqualTo(
                        new PersonName("Công đoàn Trường", List.of(Message.of("name.controls_removed", "count", 2))));
        assertThat(PersonName.of("Công đoàn\u0001").corrections().get(0).english())
                .isEqualTo("1 control character removed");
        assertThat(PersonName.of("Công đoàn\u0001\u0002").corrections().get(0).english())
                .isEqualTo("2 control characters removed");
        assertThat(PersonName.of("C«ng ®oµn").text()).isEqualTo("Công đoàn");
        assertThat(PersonName.of("C«ng ®oµn").corrections())
                .extracting(Message::english)
                .containsExactly("TCVN3 (ABC) text read as 'Công đoàn'");
        assertThat(PersonName.of("  Công  đoàn ").corrections()).isEmpty();
    }

    @Test
    void aBranchCodeHasABoundAndACharacterSet() {
        assertThat(Bounds.codeError("CĐCS-001/A_2.b")).isNull();
        assertThat(Bounds.codeError("X".repeat(64))).isNull();
        assertThat(Bounds.codeError("X".repeat(65)).english())
                .isEqualTo("the branch code is 65 characters long; a code has at most 64");
        assertThat(Bounds.codeError("=1+1").english())
                .isEqualTo("the branch code holds '=': a code holds letters, digits, spaces and - _ . / only");
        assertThat(Bounds.codeError("A\u0007").english()).contains("holds '?'");
    }

    @Test
    void aFileNameOutOfBoundsIsShownPrintableAndUnique() {
        InputFile bell = new InputFile(Path.of("x"), "forms/a\u0007.xlsx", InputFile.Role.FORM, 0, "");
        InputFile tab = new InputFile(Path.of("x"), "forms/a\t.xlsx", InputFile.Role.FORM, 0, "");
        assertThat(bell.nameError().english()).isEqualTo("the file name holds control characters: rename the file");
        assertThat(bell.displayName()).startsWith("forms/a?.xlsx #").isNotEqualTo(tab.displayName());
        InputFile plain = new InputFile(Path.of("x"), "forms/a.xlsx", InputFile.Role.FORM, 0, "");
        assertThat(plain.nameError()).isNull();
        assertThat(plain.displayName()).isEqualTo("forms/a.xlsx");
        InputFile longName = new InputFile(Path.of("x"), "forms/" + "x".repeat(300), InputFile.Role.FORM, 0, "");
        assertThat(longName.displayName().length()).isLessThanOrEqualTo(Bounds.FILE_NAME);
    }

    @Test
    void cleansWhatPeopleType() {
        assertThat(Texts.clean("  Công\u00A0đoàn \t Sở  Y tế \uFEFF")).isEqualTo("Công đoàn Sở Y tế");
        assertThat(Texts.clean("Tie\u0302\u0301n")).isEqualTo("Tiến");
        assertThat(Texts.clean(null)).isEmpty();
        assertThat(Texts.clean("\u2003x\u2003")).isEqualTo("x");
    }
}
