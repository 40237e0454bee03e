package vn.unionreview.text;

/**
 * A refusal whose words are a {@link Message}, rendered where a person reads it, in their language; the exception's own
 * message is the English rendering, for logs.
 */
public class MessageException extends RuntimeException {

    private final transient Message problem;

    public MessageException(Message problem) {
        super(problem.english());
        this.problem = problem;
    }

    /** What went wrong, for the reader's language. */
    public Message problem() {
        return problem;
    }
}
