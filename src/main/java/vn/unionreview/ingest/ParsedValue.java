package vn.unionreview.ingest;

/**
 * The outcome of parsing one cell: a value (null when the cell was blank), or the reason it is
 * invalid; {@code correction} says what was done to read it, when anything was.
 */
public record ParsedValue<T>(T value, String error, String correction) {

    static <T> ParsedValue<T> ok(T value) {
        return new ParsedValue<>(value, null, null);
    }

    static <T> ParsedValue<T> corrected(T value, String correction) {
        return new ParsedValue<>(value, null, correction);
    }

    static <T> ParsedValue<T> invalid(String error) {
        return new ParsedValue<>(null, error, null);
    }

    public boolean isValid() {
        return error == null;
    }
}
