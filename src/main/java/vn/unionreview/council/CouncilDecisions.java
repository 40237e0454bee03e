package vn.unionreview.council;

import java.time.LocalDate;
import java.util.List;

/**
 * What the emulation council (Hội đồng Thi đua - Khen thưởng) decided at one meeting, from
 * {@code input/<year>/decisions.yaml} ({@value #FORMAT}): its minutes' number and date, the decisions about branches in
 * the order they are applied, and, in a province's year, the units' results it returns.
 */
public record CouncilDecisions(
        String meetingNumber, LocalDate meetingDate, List<Decision> decisions, List<Return> returns) {

    public static final String FORMAT = "union-review/decisions/v1";

    public CouncilDecisions {
        decisions = List.copyOf(decisions);
        returns = List.copyOf(returns);
    }

    /**
     * A unit's published result sent back to it after the province's appraisal (thẩm định): none of its branches is
     * taken into the province's year, and the unit gets a letter with the council's reason, saying what to correct.
     *
     * @param unit the unit's code, as units.csv has it
     */
    public record Return(String unit, String reason) {}

    /** One decision about one branch, with the council's reason. */
    public sealed interface Decision permits WithdrawAward, GrantAward, SetTier {
        String branch();

        String reason();

        /** The decision as a council member reads it, e.g. "withdraw CO" or "tier TOT". */
        String summary();
    }

    public record WithdrawAward(String branch, String award, String reason) implements Decision {
        @Override
        public String summary() {
            return "withdraw " + award;
        }
    }

    public record GrantAward(String branch, String award, String reason) implements Decision {
        @Override
        public String summary() {
            return "grant " + award;
        }
    }

    public record SetTier(String branch, String tier, String reason) implements Decision {
        @Override
        public String summary() {
            return "tier " + tier;
        }
    }
}
