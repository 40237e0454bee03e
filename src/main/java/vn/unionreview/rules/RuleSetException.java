package vn.unionreview.rules;

import java.util.List;
import java.util.Locale;

import vn.unionreview.text.Message;
import vn.unionreview.text.MessageException;

/** A rule file (or the fact checks beside it) that cannot be used; every problem names its key path. */
public class RuleSetException extends MessageException {

    /** What a file should have been. */
    public enum What {
        RULES,
        CHECKS,
        /** A year's folder of rule sets, one per kind of branch. */
        KINDS
    }

    private final transient Message header;
    private final transient List<Message> problems;

    public RuleSetException(String source, What what, List<Message> problems) {
        this(Message.of("rules.invalid", "file", source, "what", what.name().toLowerCase(Locale.ROOT)), problems);
    }

    private RuleSetException(Message header, List<Message> problems) {
        super(Message.of("rules.invalid_with", "header", header, "problems", problems));
        this.header = header;
        this.problems = List.copyOf(problems);
    }

    /** Which file, and what it should have been, without its problems: the first of the lines a command prints. */
    public Message header() {
        return header;
    }

    /** Each problem, with its key path: a line each where there is room. */
    public List<Message> problems() {
        return problems;
    }
}
