/**
 * Words a person reads, as data: a problem or a message is a stable code with named arguments
 * ({@link vn.unionreview.text.Message}), stored and passed as such, and rendered in the reader's language by one
 * catalogue per language ({@link vn.unionreview.text.Catalogue}, ICU MessageFormat: plural and number rules per
 * locale).
 */
package vn.unionreview.text;
