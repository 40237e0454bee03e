package vn.unionreview.rules;

import java.util.List;

/** A rule file that cannot be used; every problem names its key path. */
public class RuleSetException extends RuntimeException {

    private final List<String> problems;

    public RuleSetException(String source, List<String> problems) {
        super(source + ": invalid rule set\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
