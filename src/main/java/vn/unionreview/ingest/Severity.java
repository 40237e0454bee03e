package vn.unionreview.ingest;

/** How an input problem was handled. */
public enum Severity {
    /** The row (or file) was not used. */
    REJECTED,
    /** The value was understood after a safe, stated correction (e.g. a decimal comma). */
    CORRECTED,
    /** Worth knowing, nothing changed (an ignored column, a criterion left blank). */
    NOTE
}
