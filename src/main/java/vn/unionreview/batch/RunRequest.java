package vn.unionreview.batch;

import java.nio.file.Path;

import vn.unionreview.ingest.InputSet;
import vn.unionreview.rules.RuleSetFile;

/** What the user asked to run: a year, its rule set and inputs, where outputs go, and whether to rerun a completed run. */
public record RunRequest(int year, RuleSetFile rules, Path inputDir, InputSet inputs, Path outputDir, boolean rerun) {
}
