package vn.unionreview.ingest;

import java.util.List;

import vn.unionreview.scoring.Submission;

/**
 * What became of one input row: accepted with its submission, or rejected; with every problem
 * found on the way. A file item has row 0, no submission, and only file-level problems.
 */
public record IngestRecord(String file, String sheet, int row, String code, boolean accepted,
                           Submission submission, List<Problem> problems) {

    public IngestRecord {
        problems = List.copyOf(problems);
    }

    public boolean isFileItem() {
        return row == 0;
    }
}
