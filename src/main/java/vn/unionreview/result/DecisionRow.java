package vn.unionreview.result;

import vn.unionreview.text.Message;

/** What became of one council decision, as stored and reported: in file order, applied or not and why. */
public record DecisionRow(int seq, String branch, String summary, String reason, boolean applied, String outcome) {

    /** Why the decision was not applied: the reason inside its outcome (the outcome itself when it carries none). */
    public Message why() {
        Message note = Message.decode(outcome);
        return note.args().get("why") instanceof Message why ? why : note;
    }
}
