package vn.unionreview.cli;

import vn.unionreview.rules.RuleSetException;
import vn.unionreview.text.MessageException;
import vn.unionreview.text.Speech;

/** How a command says why it refused: the problem in the reader's language; a rule file's problems a line each. */
final class Refusal {

    private Refusal() {}

    static void say(Speech warned, MessageException e) {
        if (e instanceof RuleSetException invalid) {
            warned.say(invalid.header());
            invalid.problems().forEach(problem -> warned.say("cli.item", "line", problem));
        } else {
            warned.say(e.problem());
        }
    }
}
