/**
 * Steps 1 to 4 and 8 of the rule-set contract: counted scores, base, bonus, penalty and total in exact decimals, tier
 * before caps, caps, tie-break keys and inflation, for one branch at a time. Plain Java over the rule set (the
 * architecture test keeps it so).
 */
package vn.unionreview.scoring;
