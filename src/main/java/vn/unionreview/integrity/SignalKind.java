package vn.unionreview.integrity;

/**
 * What the council may want to look at before it signs. A signal is information: it never changes a score, a tier, a
 * rank or an award.
 */
public enum SignalKind {
    IDENTICAL_SCORES("identical_scores", true),
    NEAR_IDENTICAL_SCORES("near_identical_scores", true),
    SAME_FORM_AUTHOR("same_form_author", true),
    ALL_MAXIMUM("all_maximum", true),
    INFLATION_OUTLIER("inflation_outlier", false),
    JUMP_FROM_LAST_YEAR("jump_from_last_year", false),
    FACT_CONFLICT("fact_conflict", true);

    private final String id;
    private final boolean aboutOwnForm;

    SignalKind(String id, boolean aboutOwnForm) {
        this.id = id;
        this.aboutOwnForm = aboutOwnForm;
    }

    /** The id in integrity.csv and the manifest. */
    public String id() {
        return id;
    }

    /**
     * Whether the signal is about what the branch itself sent, and so goes into its letter; an outlier or a jump is a
     * comparison with others or with the past, for the council alone.
     */
    public boolean aboutOwnForm() {
        return aboutOwnForm;
    }
}
