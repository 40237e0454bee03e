package vn.unionreview.ingest;

import java.time.Instant;
import java.util.List;

import vn.unionreview.scoring.BranchScore;
import vn.unionreview.scoring.Submission;

/**
 * What became of one submission read: a table row or a whole form, accepted with its submission, or rejected; with
 * every problem found on the way. A file item has row 0, no submission, and only file-level problems (or, for an
 * unreadable file, why it could not be read). A refusal (row {@value #REFUSAL}) says that a file whose items came
 * before is not used after all: its structure broke partway (see {@link TableRow}).
 *
 * @param cellsRead the input cells read for this submission (code, scores, facts; blank ones included)
 * @param cellsInvalid how many of them held a value that could not be used
 * @param properties what a form's workbook says about itself (forms only; null for table rows)
 * @param score the accepted submission scored on its own, once the read pass has scored it; else null
 */
public record IngestRecord(
        String file,
        String sheet,
        int row,
        String code,
        boolean accepted,
        Submission submission,
        List<Problem> problems,
        Source source,
        int cellsRead,
        int cellsInvalid,
        WorkbookProperties properties,
        BranchScore score) {

    /** Where submissions come from: one row of a consolidated table, or one branch's form. */
    public enum Source {
        TABLE,
        FORM
    }

    static final int REFUSAL = -1;

    public IngestRecord {
        problems = List.copyOf(problems);
        code = code.length() > Bounds.CODE || Texts.controlCount(code) > 0 ? Texts.printable(code, Bounds.CODE) : code;
    }

    /** A record as validation makes it: not scored yet. */
    public IngestRecord(
            String file,
            String sheet,
            int row,
            String code,
            boolean accepted,
            Submission submission,
            List<Problem> problems,
            Source source,
            int cellsRead,
            int cellsInvalid,
            WorkbookProperties properties) {
        this(file, sheet, row, code, accepted, submission, problems, source, cellsRead, cellsInvalid, properties, null);
    }

    /** This accepted record with its submission's score. */
    public IngestRecord scored(BranchScore branchScore) {
        if (!accepted) {
            throw new IllegalStateException("a rejected record has no score: " + file + " row " + row);
        }
        return new IngestRecord(
                file,
                sheet,
                row,
                code,
                true,
                submission,
                problems,
                source,
                cellsRead,
                cellsInvalid,
                properties,
                branchScore);
    }

    public static IngestRecord fileItem(String file, String sheet, Source source, List<Problem> problems) {
        return new IngestRecord(file, sheet, 0, "", false, null, problems, source, 0, 0, null);
    }

    /** The file is not used: {@code why} is the fault, with the line or row where it is. */
    public static IngestRecord refusal(String file, String sheet, Source source, Problem why) {
        return new IngestRecord(file, sheet, REFUSAL, "", false, null, List.of(why), source, 0, 0, null);
    }

    /** When the form says it was last saved; null when unknown or not a form. */
    public Instant savedAt() {
        return properties == null ? null : properties.saved();
    }

    public boolean isFileItem() {
        return row == 0;
    }

    public boolean isRefusal() {
        return row == REFUSAL;
    }

    /** A file that could not be read at all: its file item carries a rejection. */
    public boolean isUnreadableFile() {
        return isFileItem() && problems.stream().anyMatch(p -> p.severity() == Severity.REJECTED);
    }
}
