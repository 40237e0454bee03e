package vn.unionreview.ingest;

import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/**
 * The input folder itself is unusable (missing, no registry, a registry that cannot be read whole): the run cannot
 * start. {@link #problem()} says why, for the reader's language; the exception's message is its English rendering.
 */
public class InputException extends MessageException {

    public InputException(Message reason) {
        super(reason);
    }
}
