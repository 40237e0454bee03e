package vn.unionreview.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleaning of text typed by people: Unicode NFC, every kind of space made plain and trimmed; and keeping control
 * characters (C0 but tab and line ends, DEL, C1), which no one types on purpose, out of every output.
 */
public final class Texts {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private Texts() {}

    /** NFC, non-breaking and repeated spaces collapsed to one, trimmed; null becomes "". */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        // most cells are clean already: checking is much cheaper than a regex replacement (millions of cells
        // nationally)
        return isSpacedPlainly(nfc) ? nfc : SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** A control character: C0 other than tab, line feed and carriage return; DEL; C1. */
    public static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /**
     * The first character of {@code text} that changes the direction text is shown in (U+202A–U+202E, U+2066–U+2069,
     * U+200E, U+200F, U+061C), or -1. In a file name it makes a list show the name other than it is:
     * "tên\u202Evsc.exe.csv" is shown as "tênvsc.exe.csv" reversed.
     */
    public static int directionControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E
                    || c == 0x200F
                    || c == 0x061C) {
                return c;
            }
        }
        return -1;
    }

    /** How many control characters {@code text} holds. */
    public static int controlCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** {@code text} without its control characters. */
    public static String withoutControls(String text) {
        if (controlCount(text) == 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length());
        text.chars().filter(c -> !isControl(c)).forEach(c -> s.append((char) c));
        return s.toString();
    }

    /**
     * A value as a report may show it: control characters as '?', tabs and line ends as spaces, and at most {@code max}
     * characters in all (cut with "…" and the full length). Null becomes "".
     */
    public static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        boolean plain = text.length() <= max
                && controlCount(text) == 0
                && text.indexOf('\t') < 0
                && text.indexOf('\n') < 0
                && text.indexOf('\r') < 0;
        if (plain) {
            return text;
        }
        String more =
                text.length() > max ? "… (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)" : "";
        int keep = Math.max(0, Math.min(text.length(), max - more.length()));
        StringBuilder s = new StringBuilder(keep + more.length());
        for (int i = 0; i < keep; i++) {
            char c = text.charAt(i);
            s.append(isControl(c) ? '?' : c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        if (keep > 0 && Character.isHighSurrogate(s.charAt(keep - 1)) && !more.isEmpty()) {
            s.setLength(keep - 1); // never half a character
        }
        s.append(more);
        return s.toString();
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
            } else if (c == '\t'
                    || c == '\n'
                    || c == '\u000B'
                    || c == '\f'
                    || c == '\r'
                    || c == '\u00A0'
                    || c == '\u2007'
                    || c == '\u202F'
                    || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }
}
