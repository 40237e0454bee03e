package vn.unionreview.rules;

import vn.unionreview.text.Text;

/**
 * A pair of facts (or a fact and a score) that cannot both hold, declared beside the rule set: when {@code when} holds
 * for a branch, the council is told {@code explain}. A check scores nothing.
 */
public record FactCheck(String id, Condition when, Text explain) {}
