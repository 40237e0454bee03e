package vn.unionreview.ingest;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vietnamese typed with the pre-Unicode font encodings still met in older offices: TCVN3 (ABC, ".VnTime" fonts) and VNI
 * ("VNI-Times"). A spreadsheet stores such text as the Latin-1 characters of the font's bytes, so "Công đoàn" typed in
 * .VnTime reads "C«ng ®oµn" and in VNI-Times "Coâng ñoaøn".
 *
 * <p>Text is converted only when it cannot be Unicode Vietnamese (it holds a Latin-1 character that is no Vietnamese
 * letter) and exactly one encoding turns it into well-formed Vietnamese (every character a Vietnamese letter or plain,
 * at most one tone mark per word). Anything else is left as it is: the caller reports every conversion, so nothing is
 * changed silently.
 */
public final class LegacyVietnamese {

    /** A legacy encoding, with the name a person in a Vietnamese office knows it by. */
    public enum Encoding {
        TCVN3("TCVN3 (ABC)"),
        VNI("VNI");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Text converted from a legacy encoding to Unicode (NFC). */
    public record Conversion(String text, Encoding encoding) {}

    private static final String TONES = "\u0301\u0300\u0309\u0303\u0323"; // acute, grave, hook, tilde, dot
    private static final Set<Character> VIETNAMESE_LETTERS = new HashSet<>();
    private static final Map<Character, Character> TCVN3 = new HashMap<>();
    private static final Map<String, Character> VNI = new HashMap<>();
    private static final Map<String, String> TCVN3_INVERSE = new HashMap<>();
    private static final Map<String, String> VNI_INVERSE = new HashMap<>();

    static {
        for (String base : new String[] {
            "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y"
        }) {
            for (String tone : new String[] {"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}) {
                String letter = Normalizer.normalize(base + tone, Normalizer.Form.NFC);
                VIETNAMESE_LETTERS.add(letter.charAt(0));
                VIETNAMESE_LETTERS.add(letter.toUpperCase(Locale.ROOT).charAt(0));
            }
        }
        VIETNAMESE_LETTERS.add('đ');
        VIETNAMESE_LETTERS.add('Đ');
        tcvn3();
        vni();
        TCVN3.forEach((legacy, letter) -> TCVN3_INVERSE.put(String.valueOf(letter), String.valueOf(legacy)));
        VNI.forEach((legacy, letter) ->
                VNI_INVERSE.merge(String.valueOf(letter), legacy, (a, b) -> a.length() >= b.length() ? a : b));
    }

    private LegacyVietnamese() {}

    /** TCVN 5712:1993 VN3, the table of the ABC fonts: capitals with a shape mark, and every lower-case letter. */
    private static void tcvn3() {
        String capitals = "ĂÂÊÔƠƯĐăâêôơưđ"; // 0xA1..0xAE
        for (int i = 0; i < capitals.length(); i++) {
            TCVN3.put((char) (0xA1 + i), capitals.charAt(i));
        }
        Object[][] toned = {
            {0xB5, "àảãáạ"},
            {0xBB, "ằẳẵắ"},
            {0xC6, "ặầẩẫấậè"},
            {0xCE, "ẻẽéẹềểễếệìỉ"},
            {0xDC, "ĩíịò"},
            {0xE1, "ỏõóọồổỗốộờởỡớợù"},
            {0xF1, "ủũúụừửữứựỳỷỹýỵ"},
        };
        for (Object[] run : toned) {
            String letters = (String) run[1];
            for (int i = 0; i < letters.length(); i++) {
                TCVN3.put((char) ((Integer) run[0] + i), letters.charAt(i));
            }
        }
    }

    /**
     * VNI Windows: a base letter followed by a mark character. The marks for a plain vowel are ù ø û õ ï (acute, grave,
     * hook, tilde, dot); â then á à å ã ä for a circumflex; ê then é è ú ü ë for a breve; ô and ö stand alone for ơ and
     * ư; í ì æ ó ò are the toned i; î is ỵ; ñ is đ.
     */
    private static void vni() {
        for (boolean upper : new boolean[] {false, true}) {
            String tones = cased("ùøûõï", upper);
            String circumflex = cased("âáàåãä", upper);
            String breve = cased("êéèúüë", upper);
            for (char base : "aeouy".toCharArray()) {
                String b = cased(String.valueOf(base), upper);
                for (int t = 0; t < 5; t++) {
                    VNI.put(b + tones.charAt(t), letter(b, "", t));
                }
            }
            for (char base : "aeo".toCharArray()) {
                String b = cased(String.valueOf(base), upper);
                VNI.put(b + circumflex.charAt(0), letter(b, "\u0302", -1));
                for (int t = 0; t < 5; t++) {
                    VNI.put(b + circumflex.charAt(t + 1), letter(b, "\u0302", t));
                }
            }
            String a = cased("a", upper);
            VNI.put(a + breve.charAt(0), letter(a, "\u0306", -1));
            for (int t = 0; t < 5; t++) {
                VNI.put(a + breve.charAt(t + 1), letter(a, "\u0306", t));
            }
            String[][] horned = {{cased("ô", upper), cased("o", upper)}, {cased("ö", upper), cased("u", upper)}};
            for (String[] h : horned) {
                VNI.put(h[0], letter(h[1], "\u031B", -1));
                for (int t = 0; t < 5; t++) {
                    VNI.put(h[0] + tones.charAt(t), letter(h[1], "\u031B", t));
                }
            }
            String i = cased("íìæóò", upper);
            for (int t = 0; t < 5; t++) {
                VNI.put(String.valueOf(i.charAt(t)), letter(cased("i", upper), "", t));
            }
            VNI.put(cased("î", upper), letter(cased("y", upper), "", 4));
            VNI.put(cased("ñ", upper), upper ? 'Đ' : 'đ');
        }
    }

    private static String cased(String s, boolean upper) {
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static char letter(String base, String shape, int tone) {
        String decomposed = base + shape + (tone < 0 ? "" : String.valueOf(TONES.charAt(tone)));
        return Normalizer.normalize(decomposed, Normalizer.Form.NFC).charAt(0);
    }

    /** The Unicode text, when {@code text} is legacy-encoded Vietnamese that only one encoding explains. */
    public static Optional<Conversion> detect(String text) {
        if (text == null || !hasForeignLatin1(text) || hasUnicodeVietnamese(text)) {
            return Optional
                    .empty(); // a legacy font yields only Latin-1: a Unicode-only letter means the text is not legacy
        }
        String tcvn3 = decodeTcvn3(text);
        String vni = decodeVni(text);
        boolean tcvn3Plausible = wellFormed(tcvn3);
        boolean vniPlausible = wellFormed(vni);
        if (tcvn3Plausible == vniPlausible) {
            return Optional.empty(); // neither, or both: not ours to guess
        }
        return Optional.of(tcvn3Plausible ? new Conversion(tcvn3, Encoding.TCVN3) : new Conversion(vni, Encoding.VNI));
    }

    /** Both decodings, for a caller that can check the result against a closed list of words (yes/no). */
    public static Map<Encoding, String> decodings(String text) {
        return Map.of(Encoding.TCVN3, decodeTcvn3(text), Encoding.VNI, decodeVni(text));
    }

    static String decodeTcvn3(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(TCVN3.getOrDefault(c, c));
        }
        return out.toString();
    }

    static String decodeVni(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            Character pair = i + 1 < text.length() ? VNI.get(text.substring(i, i + 2)) : null;
            if (pair != null) {
                out.append(pair);
                i++;
                continue;
            }
            Character single = VNI.get(String.valueOf(text.charAt(i)));
            out.append(single != null ? single : text.charAt(i));
        }
        return out.toString();
    }

    private static boolean hasUnicodeVietnamese(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF && VIETNAMESE_LETTERS.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Unicode Vietnamese as a legacy font would store it; for samples and tests that need the real bytes. */
    public static String encode(String text, Encoding encoding) {
        Map<String, String> inverse = encoding == Encoding.TCVN3 ? TCVN3_INVERSE : VNI_INVERSE;
        StringBuilder out = new StringBuilder();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            String c = String.valueOf(nfc.charAt(i));
            // TCVN3 has no toned capitals (offices switch to the .VnTimeH font): the lower-case code stands in
            out.append(inverse.getOrDefault(c, inverse.getOrDefault(c.toLowerCase(Locale.ROOT), c)));
        }
        return out.toString();
    }

    /** A Latin-1 character that no Vietnamese word contains: the mark of text typed in a legacy font. */
    private static boolean hasForeignLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xA0 && c <= 0xFF && !VIETNAMESE_LETTERS.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Only plain characters and Vietnamese letters, and no word with two tone marks. */
    private static boolean wellFormed(String text) {
        if (hasForeignLatin1(text)) {
            return false;
        }
        for (String word : text.split("[^\\p{L}]+")) {
            String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
            int tones = 0;
            for (int i = 0; i < decomposed.length(); i++) {
                if (TONES.indexOf(decomposed.charAt(i)) >= 0) {
                    tones++;
                }
            }
            if (tones > 1) {
                return false;
            }
        }
        return true;
    }
}
