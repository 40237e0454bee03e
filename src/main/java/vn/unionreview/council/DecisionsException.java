package vn.unionreview.council;

import java.util.List;

import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/** A decisions file that cannot be used; every problem names its key path, like a rule file's. */
public class DecisionsException extends MessageException {

    public DecisionsException(String source, List<Message> problems) {
        super(Message.of("decisions.invalid", "file", source, "problems", problems));
    }
}
