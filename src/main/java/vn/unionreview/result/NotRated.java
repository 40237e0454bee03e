package vn.unionreview.result;

import vn.unionreview.text.Message;

/**
 * A registry branch the year does not rate: too new (its submission is still read and checked, but it takes no place in
 * ranks, quotas or awards), or dissolved (out of the year), with why.
 */
public record NotRated(String code, String name, String bloc, Message reason) {}
