package vn.unionreview.report;

import java.time.LocalDate;
import java.util.List;

import vn.unionreview.ingest.InputFile;

/**
 * What identifies a run, for the report's control page and the files' fixed metadata: nothing that differs between a
 * run and its replay in another folder or database (no paths, no execution ids), so that a replay writes the same
 * report byte for byte.
 */
public record RunFacts(
        int year,
        String runName,
        String rulesFile,
        String rulesSha256,
        List<InputFile> inputs,
        String version,
        LocalDate reportDate,
        List<String> compared) {

    public RunFacts {
        inputs = List.copyOf(inputs);
        compared = List.copyOf(compared);
    }
}
