package vn.unionreview.form;

import vn.unionreview.text.Message;

/** One file of the forms folder as read: the form found in it, or why none could be read. */
public record FormFile(String file, FilledForm form, Message unreadable) {}
