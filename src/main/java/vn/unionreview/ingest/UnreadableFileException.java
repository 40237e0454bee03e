package vn.unionreview.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.unionreview.text.Message;

/**
 * A whole input file could not be read: not a spreadsheet, corrupt, encrypted, past a limit. {@link #reason()} says
 * why, for the outputs; the exception's own message is its English rendering, for run.log.
 */
public class UnreadableFileException extends RuntimeException {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableFileException.class);

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

    /**
     * A file the spreadsheet library could not read for a fault inside it. What the library said goes to run.log, for
     * support; a person reads only that the file is damaged: the library's words are English and mean nothing to a
     * branch.
     */
    public static UnreadableFileException damaged(String file, Throwable cause) {
        LOG.info("{} is damaged: {}", file, String.valueOf(cause.getMessage()));
        return new UnreadableFileException(file, Message.of("file.damaged"), cause);
    }

    public String file() {
        return file;
    }

    public Message reason() {
        return reason;
    }
}
