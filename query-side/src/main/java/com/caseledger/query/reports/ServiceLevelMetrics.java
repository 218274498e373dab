package com.caseledger.query.reports;

import com.caseledger.events.CaseType;
import com.caseledger.events.Money;

import java.math.BigDecimal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The service-level metrics of one cohort, exactly as DOMAIN.md defines them. Rates are fractions in [0, 1],
 * null when their denominator is zero; CSAT is a percentage and NPS runs from -100 to 100. A refund counts
 * when it carries money and was issued; follow-up calls and survey answers are those of the cohort's cases.
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
                                  DurationSummary requesterWait,
                                  Double refundRate,
                                  List<Money> refundedAmount,
                                  Double followUpCompletionRate,
                                  Double csat,
                                  Double nps,
                                  ServqualScores servqual) {

    /** A one-touch case is a resolved case with fewer than 2 public agent replies. */
    static final int ONE_TOUCH_REPLIES = 2;

    public static ServiceLevelMetrics of(List<CohortCase> cohort, Instant periodEnd, ServqualWeights weights) {
        long opened = cohort.size();
        long resolved = count(cohort, CohortCase::resolvedNow);
        long oneTouch = count(cohort, c -> c.resolvedNow() && c.replies() < ONE_TOUCH_REPLIES);
        long resolvedEver = count(cohort, CohortCase::resolvedEver);
        long reopened = count(cohort, c -> c.resolvedEver() && c.reopens() > 0);
        long complaints = count(cohort, c -> c.type() == CaseType.COMPLAINT);
        long backlog = count(cohort, c -> !c.statusAtEndOf(periodEnd).isResolvedOrClosed());
        long refunded = count(cohort, c -> !c.issuedRefunds().isEmpty());
        long callsCompleted = cohort.stream().mapToLong(CohortCase::followUpsCompleted).sum();
        long callsMissed = cohort.stream().mapToLong(CohortCase::followUpsMissed).sum();
        List<Integer> csatAnswers = cohort.stream().map(CohortCase::csat).filter(Objects::nonNull).toList();
        List<Integer> npsAnswers = cohort.stream().map(CohortCase::nps).filter(Objects::nonNull).toList();
        return new ServiceLevelMetrics(opened, resolved, rate(resolved, opened), rate(oneTouch, resolved),
                rate(reopened, resolvedEver), rate(complaints, opened), backlog,
                summary(cohort, CohortCase::firstReplySeconds),
                summary(cohort, CohortCase::firstResolutionSeconds),
                summary(cohort, CohortCase::fullResolutionSeconds),
                summary(cohort, CohortCase::requesterWaitSeconds),
                rate(refunded, opened), refundedAmount(cohort), rate(callsCompleted, callsCompleted + callsMissed),
                csat(csatAnswers), nps(npsAnswers),
                ServqualScores.of(cohort.stream().map(CohortCase::servqual).filter(answer -> !answer.isEmpty()).toList(),
                        weights));
    }

    /** Issued refunds summed per currency, in currency order. */
    private static List<Money> refundedAmount(List<CohortCase> cohort) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        cohort.stream().flatMap(c -> c.issuedRefunds().stream())
                .forEach(money -> sums.merge(money.currency(), money.amount(), BigDecimal::add));
        return sums.entrySet().stream().map(sum -> new Money(sum.getValue(), sum.getKey())).toList();
    }

    /** CSAT: the percentage of answers that are 4 or 5. */
    private static Double csat(List<Integer> answers) {
        return answers.isEmpty() ? null : 100.0 * answers.stream().filter(score -> score >= 4).count() / answers.size();
    }

    /** NPS: the percentage of promoters (9..10) minus the percentage of detractors (0..6). */
    private static Double nps(List<Integer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        long promoters = answers.stream().filter(score -> score >= 9).count();
        long detractors = answers.stream().filter(score -> score <= 6).count();
        return 100.0 * promoters / answers.size() - 100.0 * detractors / answers.size();
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
