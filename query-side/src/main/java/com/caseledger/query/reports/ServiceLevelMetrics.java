package com.caseledger.query.reports;

import com.caseledger.events.Money;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The service-level metrics of one cohort, exactly as DOMAIN.md defines them. Rates are fractions in [0, 1],
 * null when their denominator is zero; CSAT is a percentage and NPS runs from -100 to 100. A refund counts
 * when it carries money and was issued; follow-up calls and survey answers are those of the cohort's cases.
 * A one-touch case is a resolved case with fewer than 2 public agent replies. The durations are in the report's
 * time ({@link ReportTime}); SLA compliance is counted from the targets' latest outcomes.
 */
public record ServiceLevelMetrics(long casesOpened,
                                  long casesResolved,
                                  @Schema(nullable = true, minimum = "0", maximum = "1") Double resolutionRate,
                                  @Schema(nullable = true, minimum = "0", maximum = "1") Double oneTouchRate,
                                  @Schema(nullable = true, minimum = "0", maximum = "1") Double reopenRate,
                                  @Schema(nullable = true, minimum = "0", maximum = "1") Double complaintRate,
                                  long backlog,
                                  DurationSummary firstReply,
                                  DurationSummary firstResolution,
                                  DurationSummary fullResolution,
                                  DurationSummary requesterWait,
                                  @Schema(nullable = true, minimum = "0", maximum = "1") Double refundRate,
                                  @Schema(description = "the issued refunds' money, one amount per currency")
                                  List<Money> refundedAmount,
                                  @Schema(nullable = true, minimum = "0", maximum = "1") Double followUpCompletionRate,
                                  @Schema(nullable = true, minimum = "0", maximum = "100",
                                          description = "the percentage of satisfied CSAT answers") Double csat,
                                  @Schema(nullable = true, minimum = "-100", maximum = "100") Double nps,
                                  ServqualScores servqual,
                                  SlaCompliance slaCompliance) {

    public static ServiceLevelMetrics of(CohortFigures f, ServqualWeights weights) {
        return new ServiceLevelMetrics(f.opened(), f.resolved(), rate(f.resolved(), f.opened()),
                rate(f.oneTouch(), f.resolved()), rate(f.reopened(), f.resolvedEver()), rate(f.complaints(), f.opened()),
                f.backlog(), f.firstReply(), f.firstResolution(), f.fullResolution(), f.requesterWait(),
                rate(f.refunded(), f.opened()), f.refundedAmount(),
                rate(f.callsCompleted(), f.callsCompleted() + f.callsMissed()),
                f.csatAnswers() == 0 ? null : 100.0 * f.csatSatisfied() / f.csatAnswers(),
                f.npsAnswers() == 0 ? null
                        : 100.0 * f.promoters() / f.npsAnswers() - 100.0 * f.detractors() / f.npsAnswers(),
                ServqualScores.of(f.servqualGaps(), weights), SlaCompliance.of(f));
    }

    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
