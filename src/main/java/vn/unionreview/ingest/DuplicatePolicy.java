package vn.unionreview.ingest;

import java.util.Arrays;
import java.util.Locale;

/**
 * What to do when a branch has more than one accepted submission. By default every copy is rejected: which one counts
 * is a person's decision. A province may state in configuration ({@code union-review.input.duplicates}) that, between
 * forms, the one saved last wins; the time is the one the workbook records about itself, so it travels with the file
 * into the archive.
 */
public enum DuplicatePolicy {
    REJECT_ALL("reject-all"),
    NEWER_FORM_WINS("newer-form-wins");

    private final String key;

    DuplicatePolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static DuplicatePolicy of(String key) {
        if (key == null || key.isBlank()) {
            return REJECT_ALL;
        }
        return Arrays.stream(values())
                .filter(p -> p.key.equals(key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown duplicates rule '" + key + "': use reject-all or newer-form-wins"));
    }
}
