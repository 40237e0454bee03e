package vn.unionreview.run;

import java.util.Locale;

/**
 * What a run is for. A validation run (December: letters back to branches, nothing official) and the final run (the one
 * to publish) are the same job; the kind is recorded in the manifest, shown wherever runs are listed, and
 * {@code publish} refuses a validation run unless told why. A validation run of the same inputs is another run.
 */
public enum RunKind {
    VALIDATION,
    FINAL;

    /** "validation" or "final", as the manifest, the command line and the activity record write it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind as the job parameter records it: blank for a final run, so a final run keeps the identity it had before
     * kinds.
     */
    public String parameter() {
        return this == FINAL ? "" : key();
    }

    /** The kind a job parameter records (see {@link #parameter()}). */
    public static RunKind ofParameter(String value) {
        return value == null || value.isEmpty() ? FINAL : of(value);
    }

    /** The kind a manifest records; a manifest from before kinds were recorded was a final run's. */
    public static RunKind of(String key) {
        if (key == null) {
            return FINAL;
        }
        for (RunKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a run is validation or final, not '" + key + "'");
    }
}
