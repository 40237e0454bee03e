package vn.unionreview.council;

import java.util.List;

/** A decisions file that cannot be used; every problem names its key path, like a rule file's. */
public class DecisionsException extends RuntimeException {

    public DecisionsException(String source, List<String> problems) {
        super(source + ": invalid decisions file\n  " + String.join("\n  ", problems));
    }
}
