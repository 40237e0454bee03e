/**
 * Signals for the council (identical or near-identical self scores, one author for several forms, every maximum,
 * inflation outliers, jumps from last year, fact conflicts): found while the scored branches stream past, never
 * changing a result.
 */
package vn.unionreview.integrity;
