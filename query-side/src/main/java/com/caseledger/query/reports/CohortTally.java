package com.caseledger.query.reports;

import com.caseledger.events.CaseType;
import com.caseledger.events.Money;
import com.caseledger.events.ServqualDimension;
import com.caseledger.query.casefold.SlaOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the facts of a cohort's cases (or of one group of them) into the {@link CohortFigures} its metrics are
 * computed from: counts and sums. The duration metrics are summarized by {@link Cohort}, for every group at once.
 */
final class CohortTally {

    /** The duration metrics of DOMAIN.md, in the order their summaries are given to {@link #figures}. */
    enum Duration {
        FIRST_REPLY, FIRST_RESOLUTION, FULL_RESOLUTION, REQUESTER_WAIT
    }

    private static final int GAPS = ServqualDimension.values().length;
    private static final int GAP_SCALE = 16;
    private static final byte MET = (byte) SlaOutcome.MET.ordinal();
    private static final byte BREACHED = (byte) SlaOutcome.BREACHED.ordinal();

    private long opened;
    private long resolved;
    private long oneTouch;
    private long resolvedEver;
    private long reopened;
    private long complaints;
    private long backlog;
    private long refunded;
    private long callsCompleted;
    private long callsMissed;
    private long csatAnswers;
    private long csatSatisfied;
    private long npsAnswers;
    private long promoters;
    private long detractors;
    private final long[] gapSums = new long[GAPS];
    private final long[] gapAnswers = new long[GAPS];
    private final Map<String, BigDecimal> refundedAmounts = new TreeMap<>();
    private long firstReplyMet;
    private long firstReplyBreached;
    private long nextReplyMet;
    private long nextReplyBreached;
    private long resolutionMet;
    private long resolutionBreached;

    /**
     * Counts case {@code i} of the cohort; {@code inBacklogAtEnd} says whether it was neither RESOLVED nor CLOSED at
     * the end of the period.
     */
    void add(OpenedCases cases, int i, boolean inBacklogAtEnd) {
        opened++;
        if (cases.resolvedNow(i)) {
            resolved++;
            if (cases.replies(i) < 2) {
                oneTouch++;
            }
        }
        if (cases.resolvedEver(i)) {
            resolvedEver++;
            if (cases.reopens(i) > 0) {
                reopened++;
            }
        }
        if (cases.type(i) == CaseType.COMPLAINT) {
            complaints++;
        }
        if (inBacklogAtEnd) {
            backlog++;
        }
        if (cases.refunded(i)) {
            refunded++;
            for (Money refund : cases.issuedRefunds(i)) {
                refundedAmounts.merge(refund.currency(), refund.amount(), BigDecimal::add);
            }
        }
        callsCompleted += cases.followUpsCompleted(i);
        callsMissed += cases.followUpsMissed(i);
        int csat = cases.csat(i);
        if (csat != CaseFacts.NONE) {
            csatAnswers++;
            if (csat >= 4) {
                csatSatisfied++;
            }
        }
        int nps = cases.nps(i);
        if (nps != CaseFacts.NONE) {
            npsAnswers++;
            if (nps >= 9) {
                promoters++;
            } else if (nps <= 6) {
                detractors++;
            }
        }
        byte firstReply = cases.firstReplyOutcome(i);
        firstReplyMet += firstReply == MET ? 1 : 0;
        firstReplyBreached += firstReply == BREACHED ? 1 : 0;
        nextReplyMet += cases.nextRepliesMet(i);
        nextReplyBreached += cases.nextRepliesBreached(i);
        byte resolution = cases.resolutionOutcome(i);
        resolutionMet += resolution == MET ? 1 : 0;
        resolutionBreached += resolution == BREACHED ? 1 : 0;
        for (int dimension = 0; dimension < GAPS; dimension++) {
            byte gap = cases.servqualGap(i, dimension);
            if (gap != CaseFactColumns.NO_GAP) {
                gapSums[dimension] += gap;
                gapAnswers[dimension]++;
            }
        }
    }

    /** Adds another part of the same cohort's tally to this one. */
    void merge(CohortTally other) {
        opened += other.opened;
        resolved += other.resolved;
        oneTouch += other.oneTouch;
        resolvedEver += other.resolvedEver;
        reopened += other.reopened;
        complaints += other.complaints;
        backlog += other.backlog;
        refunded += other.refunded;
        callsCompleted += other.callsCompleted;
        callsMissed += other.callsMissed;
        csatAnswers += other.csatAnswers;
        csatSatisfied += other.csatSatisfied;
        npsAnswers += other.npsAnswers;
        promoters += other.promoters;
        detractors += other.detractors;
        for (int dimension = 0; dimension < GAPS; dimension++) {
            gapSums[dimension] += other.gapSums[dimension];
            gapAnswers[dimension] += other.gapAnswers[dimension];
        }
        firstReplyMet += other.firstReplyMet;
        firstReplyBreached += other.firstReplyBreached;
        nextReplyMet += other.nextReplyMet;
        nextReplyBreached += other.nextReplyBreached;
        resolutionMet += other.resolutionMet;
        resolutionBreached += other.resolutionBreached;
        other.refundedAmounts.forEach((currency, amount) -> refundedAmounts.merge(currency, amount, BigDecimal::add));
    }

    /** The figures, with each duration metric's summary in {@link Duration} order. */
    CohortFigures figures(DurationSummary[] durations) {
        Map<ServqualDimension, Double> gaps = new EnumMap<>(ServqualDimension.class);
        for (ServqualDimension dimension : ServqualDimension.values()) {
            long answers = gapAnswers[dimension.ordinal()];
            if (answers > 0) {
                gaps.put(dimension, BigDecimal.valueOf(gapSums[dimension.ordinal()])
                        .divide(BigDecimal.valueOf(answers), GAP_SCALE, RoundingMode.HALF_UP).doubleValue());
            }
        }
        List<Money> amounts = refundedAmounts.entrySet().stream()
                .map(sum -> new Money(sum.getValue(), sum.getKey())).toList();
        return new CohortFigures(opened, resolved, oneTouch, resolvedEver, reopened, complaints, backlog,
                durations[Duration.FIRST_REPLY.ordinal()], durations[Duration.FIRST_RESOLUTION.ordinal()],
                durations[Duration.FULL_RESOLUTION.ordinal()], durations[Duration.REQUESTER_WAIT.ordinal()],
                refunded, amounts, callsCompleted, callsMissed, csatAnswers, csatSatisfied, npsAnswers, promoters,
                detractors, gaps, new CohortFigures.SlaTargets(firstReplyMet, firstReplyBreached),
                new CohortFigures.SlaTargets(nextReplyMet, nextReplyBreached),
                new CohortFigures.SlaTargets(resolutionMet, resolutionBreached));
    }
}
