package vn.unionreview.run.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.unionreview.result.RunCounts;
import vn.unionreview.rules.RuleBook;
import vn.unionreview.run.RunFile;
import vn.unionreview.text.Message;
import vn.unionreview.units.UnitsCsv;

/** How a launch ended: the run's id (job instance), its folder, its status, and its counts. */
public record RunOutcome(Status status, long runId, long executionId, Path runDir, RunCounts counts, Message failure) {

    public enum Status {
        /** The job completed now. */
        COMPLETED,
        /** The same year, rules and input had already completed; nothing was run again. */
        ALREADY_COMPLETED,
        /** The job was asked to stop (SIGTERM) and did, at a chunk boundary; run --resume finishes it. */
        STOPPED,
        /** The job failed; {@code failure} says why. */
        FAILED,
        /** --resume was asked for, but no run of the year is unfinished; {@code failure} says what there is. */
        NOTHING_TO_RESUME,
        /**
         * The input cannot be used at all (the registry cannot be read whole): nothing was run; {@code failure} says
         * why.
         */
        REFUSED
    }

    /**
     * The lines said after the run, as its summary.txt has them: the counts, and for a province the line on its units
     * (from the run folder's units.csv); none when the run has no counts.
     */
    public List<Message> summary(RuleBook rules) {
        if (counts == null) {
            return List.of();
        }
        List<Message> lines = new ArrayList<>(counts.describe(rules));
        Path units = runDir == null ? null : RunFile.UNITS.in(runDir);
        if (units != null && Files.isRegularFile(units)) {
            try {
                lines.add(UnitsCsv.summary(UnitsCsv.read(units)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
