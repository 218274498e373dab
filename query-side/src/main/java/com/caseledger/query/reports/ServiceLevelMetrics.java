package com.caseledger.query.reports;

import com.caseledger.events.CaseType;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The service-level metrics of one cohort, exactly as DOMAIN.md defines them. Rates are fractions in [0, 1],
 * null when their denominator is zero.
 */
public record ServiceLevelMetrics(long casesOpened,
                                  long casesResolved,
                                  Double resolutionRate,
                                  Double oneTouchRate,
                                  Double reopenRate,
                                  Double complaintRate,
                                  long backlog,
                                  DurationSummary firstReply,
                                  DurationSummary firstResolution,
                                  DurationSummary fullResolution,
                                  DurationSummary requesterWait) {

    /** A one-touch case is a resolved case with fewer than 2 public agent replies. */
    static final int ONE_TOUCH_REPLIES = 2;

    public static ServiceLevelMetrics of(List<CohortCase> cohort, Instant periodEnd) {
        long opened = cohort.size();
        long resolved = count(cohort, CohortCase::resolvedNow);
        long oneTouch = count(cohort, c -> c.resolvedNow() && c.replies() < ONE_TOUCH_REPLIES);
        long resolvedEver = count(cohort, CohortCase::resolvedEver);
        long reopened = count(cohort, c -> c.resolvedEver() && c.reopens() > 0);
        long complaints = count(cohort, c -> c.type() == CaseType.COMPLAINT);
        long backlog = count(cohort, c -> !c.statusAtEndOf(periodEnd).isResolvedOrClosed());
        return new ServiceLevelMetrics(opened, resolved, rate(resolved, opened), rate(oneTouch, resolved),
                rate(reopened, resolvedEver), rate(complaints, opened), backlog,
                summary(cohort, CohortCase::firstReplySeconds),
                summary(cohort, CohortCase::firstResolutionSeconds),
                summary(cohort, CohortCase::fullResolutionSeconds),
                summary(cohort, CohortCase::requesterWaitSeconds));
    }

    private static long count(List<CohortCase> cohort, Predicate<CohortCase> predicate) {
        return cohort.stream().filter(predicate).count();
    }

    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static DurationSummary summary(List<CohortCase> cohort, Function<CohortCase, Long> metric) {
        return DurationSummary.of(cohort.stream().map(metric).filter(Objects::nonNull).toList());
    }
}
