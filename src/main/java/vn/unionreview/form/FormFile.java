package vn.unionreview.form;

/** One file of the forms folder as read: the form found in it, or why none could be read. */
public record FormFile(String file, FilledForm form, vn.unionreview.text.Message unreadable) {
}
