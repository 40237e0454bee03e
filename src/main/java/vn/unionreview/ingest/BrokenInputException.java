package vn.unionreview.ingest;

import java.io.IOException;

import vn.unionreview.text.Message;

/**
 * A file's structure broke partway through reading it (a damaged sheet, a row past a limit): the file is not used, and
 * {@link #reason()} says why. The exception's own message is the English rendering, for run.log.
 */
public class BrokenInputException extends IOException {

    private final transient Message reason;

    public BrokenInputException(Message reason) {
        super(reason.english());
        this.reason = reason;
    }

    public BrokenInputException(Message reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    public Message reason() {
        return reason;
    }

    /**
     * Why {@code e} stopped a file: its reason when it is ours, else the technical detail (an I/O error of the disk).
     */
    public static Message reasonOf(Throwable e) {
        if (e instanceof BrokenInputException b) {
            return b.reason();
        }
        if (e instanceof UnreadableFileException u) {
            return u.reason();
        }
        return Message.of("file.read_failed", "detail", String.valueOf(e.getMessage()));
    }
}
