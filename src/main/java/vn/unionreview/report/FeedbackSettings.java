package vn.unionreview.report;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The letters back to branches, from {@code union-review.feedback.*}: whether they are written ({@code enabled},
 * default true), the resubmission deadline they give ({@code deadline}; default ten days after the report date) and
 * their document number ({@code document-number}, default " /CĐVC", the number being written in by hand).
 */
@ConfigurationProperties("union-review.feedback")
public record FeedbackSettings(Boolean enabled, LocalDate deadline, String documentNumber) {

    static final int DEFAULT_DAYS = 10;

    public FeedbackSettings {
        enabled = enabled == null || enabled;
        documentNumber = documentNumber == null ? "     /CĐVC" : documentNumber;
    }

    public LocalDate deadlineAfter(LocalDate reportDate) {
        return deadline != null ? deadline : reportDate.plusDays(DEFAULT_DAYS);
    }
}
