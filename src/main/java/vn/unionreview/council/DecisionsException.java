package vn.unionreview.council;

import java.util.List;

import vn.unionreview.text.Message;

/** A decisions file that cannot be used; every problem names its key path, like a rule file's. */
public class DecisionsException extends RuntimeException {

    private final transient Message problem;

    public DecisionsException(String source, List<Message> problems) {
        this(Message.of("decisions.invalid", "file", source, "problems", problems));
    }

    private DecisionsException(Message problem) {
        super(problem.english());
        this.problem = problem;
    }

    /** The file and each of its problems, for the reader's language. */
    public Message problem() {
        return problem;
    }
}
