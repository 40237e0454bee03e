package vn.unionreview.run.workfiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.unionreview.scoring.Branch;
import vn.unionreview.scoring.BranchScore;

/**
 * How a submission's score, computed as the row is read, is kept until ranking (in the run's work files, see
 * {@link WorkFiles}), with its explanation: nine sections of plain text,
 *
 * <pre>base|bonus|penalty|total|tier before caps|tier after caps|caps|tie-break keys|inflation</pre>
 *
 * decimals as exact plain strings (their scale kept), tiers as indexes into the rule set's tiers, caps as ids and keys
 * as decimals each separated by ";", an undefined key as "~". Rule ids ({@code [A-Za-z][A-Za-z0-9_-]*}) and decimals
 * never contain the separators. The explanation is its lines joined by newlines, cut as ur_result cuts it. The branch
 * is not kept: the registry has it.
 */
final class StoredScore {

    private static final String SECTION = "|";
    private static final String ITEM = ";";
    private static final String UNDEFINED = "~";
    private static final int SECTIONS = 9;

    private StoredScore() {}

    static String write(BranchScore s) {
        return String.join(
                SECTION,
                s.base().toPlainString(),
                s.bonus().toPlainString(),
                s.penalty().toPlainString(),
                s.total().toPlainString(),
                Integer.toString(s.tierBeforeCaps()),
                Integer.toString(s.tierAfterCaps()),
                String.join(ITEM, s.capsFired()),
                String.join(
                        ITEM,
                        s.tieBreakKeys().stream()
                                .map(k -> k == null ? UNDEFINED : k.toPlainString())
                                .toList()),
                s.inflation().toPlainString());
    }

    static String explanation(BranchScore s) {
        return StoredText.cut(String.join("\n", s.explanation()), StoredText.EXPLANATION_MAX);
    }

    static BranchScore read(Branch branch, String stored, String explanation) {
        String[] part = stored.split("\\|", -1);
        if (part.length != SECTIONS) {
            throw new IllegalStateException(
                    "stored score of " + branch.code() + " is not in the expected form: " + stored);
        }
        List<BigDecimal> keys = new ArrayList<>();
        for (String key : items(part[7])) {
            keys.add(key.equals(UNDEFINED) ? null : new BigDecimal(key));
        }
        return new BranchScore(
                branch,
                new BigDecimal(part[0]),
                new BigDecimal(part[1]),
                new BigDecimal(part[2]),
                new BigDecimal(part[3]),
                Integer.parseInt(part[4]),
                Integer.parseInt(part[5]),
                items(part[6]),
                keys,
                new BigDecimal(part[8]),
                explanation.isEmpty() ? List.of() : Arrays.asList(explanation.split("\n", -1)));
    }

    private static List<String> items(String section) {
        return section.isEmpty() ? List.of() : Arrays.asList(section.split(ITEM, -1));
    }
}
