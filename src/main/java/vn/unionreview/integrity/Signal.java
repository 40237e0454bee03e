package vn.unionreview.integrity;

import vn.unionreview.rules.Text;

/**
 * One signal on one branch: what was seen, in a sentence in each report language, naming the other
 * branches where there are any. {@code letter} is what the branch's own letter says, without naming
 * anyone else (null for signals that stay with the council).
 */
public record Signal(String code, String name, String bloc, SignalKind kind, Text detail, Letter letter) {

    /** A line of a letter: what was seen, and what the branch is asked to do. */
    public record Letter(Text what, Text todo) {
    }
}
