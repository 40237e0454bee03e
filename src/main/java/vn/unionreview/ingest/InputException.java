package vn.unionreview.ingest;

import vn.unionreview.text.Message;

/**
 * The input folder itself is unusable (missing, no registry, a registry that cannot be read whole): the run cannot
 * start. {@link #reason()} says why, for the reader's language; the exception's message is its English rendering.
 */
public class InputException extends RuntimeException {

    private final transient Message reason;

    public InputException(Message reason) {
        super(reason.english());
        this.reason = reason;
    }

    public Message reason() {
        return reason;
    }
}
