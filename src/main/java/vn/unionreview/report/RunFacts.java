package vn.unionreview.report;

import java.time.LocalDate;
import java.util.List;

import vn.unionreview.ingest.InputFile;

/** What identifies a run, for the report's control page and the files' fixed metadata. */
public record RunFacts(int year, String runName, long executionId, String rulesPath, String rulesSha256,
                       List<InputFile> inputs, String version, LocalDate reportDate, List<String> compared) {

    public RunFacts {
        inputs = List.copyOf(inputs);
        compared = List.copyOf(compared);
    }
}
