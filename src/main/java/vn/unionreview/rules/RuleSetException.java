package vn.unionreview.rules;

import java.util.List;

/** A rule file (or the fact checks beside it) that cannot be used; every problem names its key path. */
public class RuleSetException extends RuntimeException {

    private final List<String> problems;

    public RuleSetException(String source, List<String> problems) {
        this(source, "rule set", problems);
    }

    /** @param what what the file should have been: "rule set", "fact checks" */
    public RuleSetException(String source, String what, List<String> problems) {
        super(source + ": invalid " + what + "\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
