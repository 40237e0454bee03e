/**
 * Steps 5 to 7 of the rule-set contract: ranks inside blocs and overall, quotas, tier-first ranks and award proposals,
 * over scored branches. Plain Java over the rule set (the architecture test keeps it so).
 */
package vn.unionreview.ranking;
