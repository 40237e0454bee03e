package vn.unionreview.batch;

import java.nio.file.Path;

import vn.unionreview.ingest.DuplicatePolicy;
import vn.unionreview.ingest.InputSet;
import vn.unionreview.integrity.IntegritySettings;
import vn.unionreview.rules.RuleSetFile;

/**
 * What the user asked to run: a year, its rule set and inputs, where outputs go, whether to rerun a
 * completed run or resume the year's unfinished one, and how to present it (null: from configuration).
 * {@code integrity} gives the thresholds of the integrity signals and {@code settings} everything else configured that shapes
 * an output (null: from configuration; a replay gives the recorded ones).
 */
public record RunRequest(int year, RuleSetFile rules, Path inputDir, InputSet inputs, Path outputDir, boolean rerun,
                         boolean resume, java.util.List<String> languages, Path compare, java.time.LocalDate reportDate,
                         DuplicatePolicy duplicates, IntegritySettings integrity, RunSettings settings) {

    /** A plain run: report languages, date and duplicates rule from configuration, earlier years found in the output folder. */
    public RunRequest(int year, RuleSetFile rules, Path inputDir, InputSet inputs, Path outputDir, boolean rerun) {
        this(year, rules, inputDir, inputs, outputDir, rerun, false, null, null, null, null, null, null);
    }
}
