package vn.unionreview.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Cleaning of text typed by people: Unicode NFC, every kind of space made plain and trimmed. */
public final class Texts {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private Texts() {
    }

    /** NFC, non-breaking and repeated spaces collapsed to one, trimmed; null becomes "". */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        // most cells are clean already: checking is much cheaper than a regex replacement (millions of cells nationally)
        return isSpacedPlainly(nfc) ? nfc : SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** True when {@link #SPACES} and strip() would change nothing: single plain spaces, none at either end. */
    private static boolean isSpacedPlainly(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(n - 1))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (s.charAt(i + 1) == ' ') { // never past the end: the last character is not a space
                    return false;
                }
            } else if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                    || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }
}
