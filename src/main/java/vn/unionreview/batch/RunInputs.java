package vn.unionreview.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import vn.unionreview.council.CouncilDecisions;
import vn.unionreview.council.DecisionsLoader;
import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.rules.RuleSetLoader;

/**
 * The rule set, input files and run folder of one job execution, read from its parameters and checked against the
 * digests that identify the run: a restart after the files changed is refused rather than silently mixing two inputs in
 * one run.
 */
public class RunInputs {

    private final int year;
    private final RuleBook rules;
    private final InputSet inputs;
    private final Path runDir;
    private final LocalDate reportDate;
    private final List<String> languages;
    private final Path compare;
    private final DuplicatePolicy duplicates;
    private final CouncilDecisions decisions;
    private final IntegritySettings integrity;
    private final RunSettings settings;

    public RunInputs(
            int year,
            Path rulesPath,
            String rulesSha256,
            Path inputDir,
            String inputSha256,
            Path runDir,
            LocalDate reportDate,
            List<String> languages,
            Path compare,
            DuplicatePolicy duplicates,
            String checksSha256,
            IntegritySettings integrity,
            RunSettings settings) {
        this.duplicates = duplicates;
        this.settings = settings;
        this.integrity = integrity;
        this.year = year;
        this.rules = RuleSetLoader.loadBook(rulesPath);
        if (!rules.sha256().equals(rulesSha256)) {
            throw new IllegalStateException("rule file " + rulesPath + " changed since this run started (SHA-256 "
                    + rules.sha256() + ", run has " + rulesSha256 + "): start a new run");
        }
        if (!rules.checksDigest().equals(checksSha256)) {
            throw new IllegalStateException("the fact checks beside rule file " + rulesPath
                    + " changed since this run started: start a new run");
        }
        this.inputs = InputSet.discover(inputDir, year);
        if (!inputs.digest().equals(inputSha256)) {
            throw new IllegalStateException(
                    "input files under " + inputs.yearDir() + " changed since this run started: start a new run");
        }
        this.decisions = inputs.decisions() == null
                ? null
                : DecisionsLoader.load(inputs.decisions().path(), rules.sets());
        this.runDir = runDir;
        this.reportDate = reportDate;
        this.languages = List.copyOf(languages);
        this.compare = compare;
    }

    public LocalDate reportDate() {
        return reportDate;
    }

    public List<String> languages() {
        return languages;
    }

    /** Earlier results to compare with, or null to look in the output folder. */
    public Path compare() {
        return compare;
    }

    /** The council's decisions for this run, or null when the year has no decisions.yaml. */
    public CouncilDecisions decisions() {
        return decisions;
    }

    /** The thresholds of the integrity signals the run was started with. */
    public IntegritySettings integrity() {
        return integrity;
    }

    /** Everything else configured that shapes the outputs, as the run was started with it. */
    public RunSettings settings() {
        return settings;
    }

    public DuplicatePolicy duplicates() {
        return duplicates;
    }

    public int year() {
        return year;
    }

    public RuleBook rules() {
        return rules;
    }

    public InputSet inputs() {
        return inputs;
    }

    public Path runDir() {
        return runDir;
    }
}
