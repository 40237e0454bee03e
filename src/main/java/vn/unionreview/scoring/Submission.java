package vn.unionreview.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One branch's validated self-assessment: self scores and verified scores per criterion id (a criterion absent from a
 * map was not scored), and declared facts per fact id.
 */
public record Submission(
        String code, Map<String, BigDecimal> self, Map<String, BigDecimal> verified, Map<String, FactValue> facts) {

    public Submission {
        self = Collections.unmodifiableMap(new TreeMap<>(self));
        verified = Collections.unmodifiableMap(new TreeMap<>(verified));
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
    }
}
