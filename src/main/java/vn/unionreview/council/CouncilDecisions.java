package vn.unionreview.council;

import java.time.LocalDate;
import java.util.List;

/**
 * What the emulation council (Hội đồng Thi đua - Khen thưởng) decided at one meeting, from
 * {@code input/<year>/decisions.yaml} ({@value #FORMAT}): its minutes' number and date, and the decisions in the order
 * they are applied.
 */
public record CouncilDecisions(String meetingNumber, LocalDate meetingDate, List<Decision> decisions) {

    public static final String FORMAT = "union-review/decisions/v1";

    public CouncilDecisions {
        decisions = List.copyOf(decisions);
    }

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
