package vn.unionreview.rules;

/** A ranking key after the final total: a group total, a criterion score, a fact or a derived value. */
public record TieBreak(Subject subject, String id, boolean ascending) {}
