/**
 * The year's statistics (tiers, blocs, criteria with exact medians, inflation, self against verified) and the
 * comparison with earlier years' archived results.
 */
package vn.unionreview.stats;
