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
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").strip();
    }
}
