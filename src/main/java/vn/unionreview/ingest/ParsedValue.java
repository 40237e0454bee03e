package vn.unionreview.ingest;

import vn.unionreview.text.Message;

/**
 * The outcome of parsing one cell: a value (null when the cell was blank), or the reason it is invalid;
 * {@code correction} says what was done to read it, when anything was.
 */
public record ParsedValue<T>(T value, Message error, Message correction) {

    static <T> ParsedValue<T> ok(T value) {
        return new ParsedValue<>(value, null, null);
    }

    static <T> ParsedValue<T> corrected(T value, Message correction) {
        return new ParsedValue<>(value, null, correction);
    }

    static <T> ParsedValue<T> invalid(Message error) {
        return new ParsedValue<>(null, error, null);
    }

    public boolean isValid() {
        return error == null;
    }
}
