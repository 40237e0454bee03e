package vn.unionreview.report;

import java.util.List;
import java.util.Map;

import vn.unionreview.integrity.Signal;
import vn.unionreview.integrity.SignalKind;

/**
 * The integrity signals of a run as the reports show them, with what they were looked for with: the thresholds and the
 * fact checks file (its name and SHA-256; both null when the rule set has none).
 */
public record IntegrityFindings(
        boolean enabled, List<Signal> signals, Map<String, String> thresholds, String checksFile, String checksSha256) {

    public static final IntegrityFindings DISABLED = new IntegrityFindings(false, List.of(), Map.of(), null, null);

    public IntegrityFindings {
        signals = List.copyOf(signals);
        thresholds = Map.copyOf(thresholds);
    }

    public List<Signal> of(SignalKind kind) {
        return signals.stream().filter(s -> s.kind() == kind).toList();
    }
}
