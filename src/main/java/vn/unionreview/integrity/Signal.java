package vn.unionreview.integrity;

import vn.unionreview.text.Catalogue;
import vn.unionreview.text.Message;

/**
 * One signal on one branch: what was seen, a message naming the other branches where there are any, rendered in each
 * report's language. {@code letter} is what the branch's own letter says, without naming anyone else (null for signals
 * that stay with the council).
 */
public record Signal(String code, String name, String bloc, SignalKind kind, Message detail, Letter letter) {

    /** The detail in {@code lang}. */
    public String detailIn(String lang) {
        return Catalogue.of(lang).render(detail);
    }

    /** A line of a letter: what was seen, and what the branch is asked to do. */
    public record Letter(Message what, Message todo) {}
}
