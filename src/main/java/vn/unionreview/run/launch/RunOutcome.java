package vn.unionreview.run.launch;

import java.nio.file.Path;

import vn.unionreview.result.RunCounts;
import vn.unionreview.text.Message;

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
}
