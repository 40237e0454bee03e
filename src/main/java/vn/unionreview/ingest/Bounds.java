package vn.unionreview.ingest;

import vn.unionreview.text.Message;

/**
 * How long each value taken from a file may be, and what it may hold. The database columns are sized for these
 * (db/migration), so a value is judged here, with its row and cell, before anything is stored. The README's "Bounds and
 * limits" section lists them for users.
 */
public final class Bounds {

    /** A branch code: letters, digits, spaces and {@code - _ . /}. */
    public static final int CODE = 64;
    /** A branch name in the registry. */
    public static final int NAME = 300;
    /** A bloc name in the registry. */
    public static final int BLOC = 200;
    /** Any cell: what one Excel cell can hold. */
    public static final int CELL = 32_767;
    /** Rows of a sheet, as Excel allows them. */
    public static final int SHEET_ROWS = 1_048_576;
    /** A sheet name, as Excel allows it. */
    public static final int SHEET_NAME = 31;
    /** An input file's name, with its folder under the year (e.g. {@code tables/khoi-y-te.csv}). */
    public static final int FILE_NAME = 255;
    /** How much of a cell's value a report shows beside a problem. */
    public static final int SHOWN_VALUE = 200;
    /** How long a problem's reason may be in any output. */
    public static final int REASON = 2_000;

    private Bounds() {}

    /** Why a (normalized) branch code is not a code, or null when it is one. */
    public static Message codeError(String code) {
        if (code.length() > CODE) {
            return Message.of("code.too_long", "length", code.length(), "max", CODE);
        }
        for (int i = 0; i < code.length(); ) {
            int c = code.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '-' && c != '_' && c != '.' && c != '/') {
                return Message.of(
                        "code.bad_character", "character", Texts.printable(new String(Character.toChars(c)), 1));
            }
            i += Character.charCount(c);
        }
        return null;
    }
}
