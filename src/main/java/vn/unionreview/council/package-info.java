/**
 * The emulation council's decisions (decisions.yaml): read and checked against the rule set, then applied to the ranked
 * results, each with its outcome.
 */
package vn.unionreview.council;
