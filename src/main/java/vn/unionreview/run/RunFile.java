package vn.unionreview.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.unionreview.text.Message;

/**
 * Every file a run folder holds: its name, what writes it and who reads it. Whatever names a run's file asks here.
 * Adding an output is its writer, the step that calls it (which tells the export it {@code wrote} it), a line here, and
 * what it is in each message catalogue ({@code output.<entry>}, which {@code run --help} lists).
 *
 * <p>A file written once per report language ({@link #perLanguage()}) is named for the first language, Vietnamese, as
 * here ({@code report.pdf}), and for another with the language after a hyphen ({@code report-en.pdf}).
 */
public enum RunFile {
    RESULTS("results.csv", "export: tables", Reader.MACHINES, false),
    REJECTED("rejected.csv", "export: tables", Reader.STAFF, false),
    CORRECTIONS("corrections.csv", "export: tables", Reader.STAFF, false),
    NOT_SUBMITTED("not-submitted.csv", "export: tables", Reader.STAFF, false),
    /** Only in a year whose rule set says who is rated (eligibility). */
    NOT_RATED("not-rated.csv", "export: tables", Reader.STAFF, false),
    /** Only in a year whose rule set says who is rated (eligibility). */
    DISSOLVED("dissolved.csv", "export: tables", Reader.STAFF, false),
    FILES("files.csv", "export: tables", Reader.STAFF, false),
    /** Only in a province's year with a list of the units beneath it. */
    UNITS("units.csv", "registry", Reader.STAFF, false),
    SUMMARY("summary.txt", "export: tables", Reader.STAFF, false),
    INTEGRITY("integrity.csv", "export: tables", Reader.COUNCIL, false),
    LETTERS("feedback/", "export: letters", Reader.BRANCHES, false),
    /** Only in a province's year whose council returned a unit's result. */
    RETURNS("returns/", "export: reports", Reader.UNITS, false),
    LETTER_INDEX("feedback/index.csv", "export: letterIndex", Reader.STAFF, false),
    CHARTS("charts/", "export: charts", Reader.LEADERS, true),
    REPORT("report.pdf", "export: reports", Reader.LEADERS, true),
    WORKBOOK("results.xlsx", "export: workbook", Reader.LEADERS, true),
    MANIFEST("manifest.json", "manifest", Reader.AUDITORS, false),
    MANIFEST_SIGNATURE("manifest.json.p7s", "publish --sign", Reader.AUDITORS, false),
    DECISION_PDF("decision.pdf", "publish", Reader.LEADERS, false),
    DECISION_DOCX("decision.docx", "publish", Reader.LEADERS, false),
    RUN_LOG("run.log", "the launcher", Reader.SUPPORT, false),
    /** Written before anything else and removed only after the manifest: the folder says whether the run finished. */
    INCOMPLETE("INCOMPLETE", "the job, as it starts", Reader.THE_RUN, false),
    /** The run's work files while it goes on; removed when it completes. */
    WORK(".work/", "every step", Reader.THE_RUN, false);

    /** Who a file is for. */
    public enum Reader {
        LEADERS,
        STAFF,
        BRANCHES,
        /** The unions beneath a province. */
        UNITS,
        COUNCIL,
        MACHINES,
        AUDITORS,
        SUPPORT,
        /** The run itself: its marker and work files, which no person reads. */
        THE_RUN
    }

    private final String name;
    private final String writtenBy;
    private final Reader reader;
    private final boolean perLanguage;
    /** The paths relative to a run folder that are this entry: itself, in any language, or inside it. */
    private final Pattern paths;

    RunFile(String name, String writtenBy, Reader reader, boolean perLanguage) {
        this.name = name;
        this.writtenBy = writtenBy;
        this.reader = reader;
        this.perLanguage = perLanguage;
        this.paths = paths(name, perLanguage);
    }

    /**
     * {@code report.pdf} and {@code report-en.pdf}; {@code charts/…} and {@code charts-en/…}; made once, as the
     * manifest asks of every file of a run folder, a national year's letters included.
     */
    private static Pattern paths(String name, boolean perLanguage) {
        String language = perLanguage ? "(-[a-z]{2,3})?" : "";
        if (name.endsWith("/")) {
            return Pattern.compile(Pattern.quote(name.substring(0, name.length() - 1)) + language + "/.*");
        }
        int dot = name.lastIndexOf('.');
        return dot < 0
                ? Pattern.compile(Pattern.quote(name))
                : Pattern.compile(
                        Pattern.quote(name.substring(0, dot)) + language + Pattern.quote(name.substring(dot)));
    }

    /** The name in the run folder (a folder's ends with "/"), in the first language for a file per language. */
    public String fileName() {
        return name;
    }

    /** The name for a report language: {@code report-en.pdf} for "en"; the same as {@link #fileName()} for "vi". */
    public String fileName(String language) {
        if (!perLanguage || language.equals("vi")) {
            return name;
        }
        int dot = name.endsWith("/") ? name.length() - 1 : name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + language + name.substring(dot);
    }

    /** The step or command that writes it. */
    public String writtenBy() {
        return writtenBy;
    }

    public Reader reader() {
        return reader;
    }

    public boolean perLanguage() {
        return perLanguage;
    }

    /**
     * Whether the manifest names it with its SHA-256: every output of the run, not the run's own record (the manifest,
     * its log, its marker, its work files) nor what {@code publish} adds later (publications.json names those).
     */
    public boolean inManifest() {
        return switch (this) {
            case MANIFEST, MANIFEST_SIGNATURE, DECISION_PDF, DECISION_DOCX, RUN_LOG, INCOMPLETE, WORK -> false;
            default -> true;
        };
    }

    /** Whether a run writes it: {@code publish} adds the decision and the manifest's signature afterwards. */
    public boolean writtenByTheRun() {
        return switch (this) {
            case MANIFEST_SIGNATURE, DECISION_PDF, DECISION_DOCX -> false;
            default -> true;
        };
    }

    /** Where its description's code begins: each entry has one, checked in both catalogues by RunFileTest. */
    private static final String DESCRIBED = "output.";

    /** What it is, in its reader's words: the message {@code output.<entry>} of each catalogue. */
    public Message described() {
        return Message.of(DESCRIBED + name().toLowerCase(Locale.ROOT));
    }

    public boolean isFolder() {
        return name.endsWith("/");
    }

    /** Where it is in {@code runDir}. */
    public Path in(Path runDir) {
        return runDir.resolve(isFolder() ? name.substring(0, name.length() - 1) : name);
    }

    /** Where its version in {@code language} is in {@code runDir}. */
    public Path in(Path runDir, String language) {
        String named = fileName(language);
        return runDir.resolve(named.endsWith("/") ? named.substring(0, named.length() - 1) : named);
    }

    /**
     * The entry a file of the run folder belongs to, by its path relative to the folder ("/"-separated): itself, or the
     * folder it is in ({@code feedback/CDCS-001.pdf} is one of the {@link #LETTERS}, {@code charts-en/tiers.png} one of
     * the {@link #CHARTS}). Empty for a file no entry names.
     */
    public static Optional<RunFile> of(String relative) {
        // a file named for itself before the folder it is in (feedback/index.csv before feedback/)
        return Arrays.stream(values())
                .filter(f -> !f.isFolder() && f.names(relative))
                .findFirst()
                .or(() -> Arrays.stream(values())
                        .filter(f -> f.isFolder() && f.names(relative))
                        .findFirst());
    }

    private boolean names(String relative) {
        return paths.matcher(relative).matches();
    }
}
