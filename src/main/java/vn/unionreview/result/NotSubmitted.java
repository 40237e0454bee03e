package vn.unionreview.result;

/** A registry branch with no accepted submission: none at all, or only rejected rows. */
public record NotSubmitted(String code, String name, String bloc, int rejectedRows) {}
