/**
 * The rule set file (rules-format.md) and the fact checks beside it: loaded, validated with the key path of every
 * problem, and held as immutable values.
 */
package vn.unionreview.rules;
