package vn.unionreview.scoring;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What conditions and tie-breaks read for one branch: counted criterion scores, group totals, the final total, facts,
 * and derived values (empty when undefined, with the reason why).
 */
public record ScoreSheet(
        Map<String, BigDecimal> counted,
        Map<String, BigDecimal> groupTotals,
        Map<String, BigDecimal> groupMaxima,
        BigDecimal total,
        Map<String, FactValue> facts,
        Map<String, Optional<BigDecimal>> derived,
        Map<String, String> undefinedReasons) {}
