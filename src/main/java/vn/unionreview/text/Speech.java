package vn.unionreview.text;

import java.io.PrintWriter;

/**
 * Where a run says what it does as it goes, to the person who started it: printed in their language on a command line
 * ({@link #printing}), kept as messages by the console so that each page renders them in its reader's language.
 */
@FunctionalInterface
public interface Speech {

    /** For work that runs no job: nothing to say. */
    Speech NOBODY = message -> {};

    void say(Message message);

    default void say(String code, Object... namesAndValues) {
        say(Message.of(code, namesAndValues));
    }

    /** One line per message on {@code out}, in the language of {@code words}. */
    static Speech printing(PrintWriter out, Catalogue words) {
        return message -> {
            out.println(words.render(message));
            out.flush();
        };
    }
}
