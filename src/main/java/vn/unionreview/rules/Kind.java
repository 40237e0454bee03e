package vn.unionreview.rules;

import vn.unionreview.text.Text;

/**
 * A kind of branch (loại hình CĐCS) that 1294/HD-TLĐ scores on its own table: the {@code kind} key of a rule set in a
 * year's folder of kinds. Leaders read its title; the registry's {@code kind} column holds its id.
 */
public record Kind(String id, Text title) {}
