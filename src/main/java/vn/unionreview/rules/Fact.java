package vn.unionreview.rules;

import vn.unionreview.text.Text;

/** A fact a branch declares besides its scores (member counts, yes/no declarations). */
public record Fact(String id, Text title, FactType type) {}
