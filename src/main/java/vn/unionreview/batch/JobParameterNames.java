package vn.unionreview.batch;

/**
 * Job parameters of the year-end job. A run is identified by the year, the rule set's SHA-256, the input digest and the
 * attempt number (1, or more for a deliberate rerun); the paths only say where things are and do not identify the run.
 */
public final class JobParameterNames {

    public static final String YEAR = "year";
    public static final String RULES_SHA256 = "rules.sha256";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String ATTEMPT = "attempt";
    /** The duplicates rule (reject-all, newer-form-wins): it changes results, so it identifies the run. */
    public static final String DUPLICATES = "input.duplicates";
    /**
     * The SHA-256 of the fact checks beside the rule set ("" when it has none): they change the outputs, so they
     * identify the run.
     */
    public static final String CHECKS_SHA256 = "checks.sha256";
    /**
     * The integrity thresholds ({@link vn.unionreview.integrity.IntegritySettings#line()}), kept so a restart uses the
     * same.
     */
    public static final String INTEGRITY = "integrity";
    /**
     * The SHA-256 of every setting that shapes an output: {@link RunSettings#digest()}, the integrity thresholds and
     * the report's languages. Another letterhead or signer is another run. Each {@link RunSettings} value is a
     * parameter of its own, named by its configuration key ({@value #SETTING_PREFIX}…), so a restart uses the same.
     */
    public static final String SETTINGS_SHA256 = "settings.sha256";

    public static final String SETTING_PREFIX = "union-review.";
    /**
     * "validation" when the run is one; a final run (the default) has "": identifying, so a validation run is a run of
     * its own.
     */
    public static final String KIND = "run.kind";
    /** Who or what started the run (the activity record and run.log name it). */
    public static final String STARTED_BY = "run.started-by";

    public static final String RULES_PATH = "rules.path";
    public static final String INPUT_DIR = "input.dir";
    public static final String RUN_DIR = "run.dir";
    public static final String REPORT_DATE = "report.date";
    public static final String LANGUAGES = "report.languages";
    public static final String COMPARE = "report.compare";
    /**
     * The run whose tables the steps read and write. The launcher never sets it: a run's tables are its job instance's.
     * A step started alone, in its own job instance (spring-batch-test's startStep), names the run it works on with it.
     */
    public static final String RUN_TABLES = "run.tables";

    private JobParameterNames() {}
}
