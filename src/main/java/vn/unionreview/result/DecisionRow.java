package vn.unionreview.result;

import vn.unionreview.text.Message;

/** What became of one council decision, as stored and reported: in file order, applied or not and why. */
public record DecisionRow(int seq, String branch, String summary, String reason, boolean applied, String outcome) {

    /** Why the decision was not applied: the reason inside its outcome (the outcome itself when it carries none). */
    public Message why() {
        return whyOf(Message.decode(outcome));
    }

    /** What a decision's outcome says of it: why it was not applied, or what was done. */
    public static Message whyOf(Message note) {
        return note.args().get("why") instanceof Message why ? why : note;
    }
}
