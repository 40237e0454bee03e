package vn.unionreview.rules;

/** What a comparison or a tie-break reads. */
public enum Subject {
    FACT, CRITERION, GROUP, DERIVED, TOTAL;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
