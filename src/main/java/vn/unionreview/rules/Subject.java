package vn.unionreview.rules;

import java.util.Locale;

/** What a comparison or a tie-break reads. */
public enum Subject {
    FACT,
    CRITERION,
    GROUP,
    DERIVED,
    TOTAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
