package vn.unionreview.ingest;

import vn.unionreview.text.Message;

/**
 * A whole input file could not be read: not a spreadsheet, corrupt, encrypted, past a limit. {@link #reason()} says
 * why, for the outputs; the exception's own message is its English rendering, for run.log.
 */
public class UnreadableFileException extends RuntimeException {

    private final String file;
    private final transient Message reason;

    public UnreadableFileException(String file, Message reason) {
        super(reason.english());
        this.file = file;
        this.reason = reason;
    }

    public UnreadableFileException(String file, Message reason, Throwable cause) {
        super(reason.english(), cause);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public Message reason() {
        return reason;
    }
}
