package vn.unionreview.result;

import vn.unionreview.text.Message;

/**
 * A registry branch with no accepted submission: none at all, only rejected rows, or a form that arrived and could not
 * be read.
 *
 * @param unreadableFile the branch's form that could not be read (known by its name), "" when none arrived
 * @param unreadableReason why it could not be read, null when none arrived
 */
public record NotSubmitted(
        String code, String name, String bloc, int rejectedRows, String unreadableFile, Message unreadableReason) {

    /** A branch that sent nothing that could be read, with how many of its rows were rejected. */
    public NotSubmitted(String code, String name, String bloc, int rejectedRows) {
        this(code, name, bloc, rejectedRows, "", null);
    }

    /** Whether its form arrived and could not be read: it submitted, unreadably. */
    public boolean unreadable() {
        return !unreadableFile.isEmpty();
    }
}
