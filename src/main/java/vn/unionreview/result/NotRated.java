package vn.unionreview.result;

import vn.unionreview.text.Message;

/**
 * A registry branch the year does not rate: too new (its submission is still read and checked, but it takes no place in
 * ranks, quotas or awards), without a kind that has a rule set, or dissolved (out of the year), with why. Its kind is
 * the registry's id, "" when it gives none.
 */
public record NotRated(String code, String name, String bloc, String kind, Message reason) {}
