package vn.unionreview.batch;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.unionreview.scoring.FactValue;
import vn.unionreview.scoring.Submission;

/** How an accepted submission is kept between steps: JSON with decimals as exact strings. */
final class SubmissionJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmissionJson() {
    }

    static String write(Submission s) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode self = root.putObject("self");
        s.self().forEach((k, v) -> self.put(k, v.toPlainString()));
        ObjectNode verified = root.putObject("verified");
        s.verified().forEach((k, v) -> verified.put(k, v.toPlainString()));
        ObjectNode facts = root.putObject("facts");
        s.facts().forEach((k, v) -> {
            if (v instanceof FactValue.YesNo yesNo) {
                facts.put(k, yesNo.value());
            } else {
                facts.put(k, ((FactValue.Amount) v).value().toPlainString());
            }
        });
        return JSON.writeValueAsString(root);
    }

    static Submission read(String code, String json) {
        JsonNode root = JSON.readTree(json);
        Map<String, FactValue> facts = new HashMap<>();
        root.get("facts").properties().forEach(e -> facts.put(e.getKey(), e.getValue().isBoolean()
                ? FactValue.of(e.getValue().booleanValue()) : FactValue.of(new BigDecimal(e.getValue().stringValue()))));
        return new Submission(code, decimals(root.get("self")), decimals(root.get("verified")), facts);
    }

    private static Map<String, BigDecimal> decimals(JsonNode node) {
        Map<String, BigDecimal> map = new HashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), new BigDecimal(e.getValue().stringValue())));
        return map;
    }
}
