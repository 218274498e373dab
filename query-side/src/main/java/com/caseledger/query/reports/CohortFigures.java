package com.caseledger.query.reports;

import com.caseledger.events.Money;
import com.caseledger.events.ServqualDimension;

import java.util.List;
import java.util.Map;

/**
 * The counts and sums a cohort's metrics are computed from, as {@link CohortTally} adds them up: what DOMAIN.md's
 * ratios divide, the duration summaries, each SERVQUAL dimension's mean gap, and per kind of SLA target how many
 * targets have MET and BREACHED as their latest outcome.
 */
public record CohortFigures(long opened,
                            long resolved,
                            long oneTouch,
                            long resolvedEver,
                            long reopened,
                            long complaints,
                            long backlog,
                            DurationSummary firstReply,
                            DurationSummary firstResolution,
                            DurationSummary fullResolution,
                            DurationSummary requesterWait,
                            long refunded,
                            List<Money> refundedAmount,
                            long callsCompleted,
                            long callsMissed,
                            long csatAnswers,
                            long csatSatisfied,
                            long npsAnswers,
                            long promoters,
                            long detractors,
                            Map<ServqualDimension, Double> servqualGaps,
                            SlaTargets firstReplyTargets,
                            SlaTargets nextReplyTargets,
                            SlaTargets resolutionTargets) {

    /** How many targets of one kind have MET and BREACHED as their latest outcome. */
    public record SlaTargets(long met, long breached) {

        static final SlaTargets NONE = new SlaTargets(0, 0);
    }

    static final CohortFigures EMPTY = new CohortFigures(0, 0, 0, 0, 0, 0, 0, DurationSummary.NONE, DurationSummary.NONE,
            DurationSummary.NONE, DurationSummary.NONE, 0, List.of(), 0, 0, 0, 0, 0, 0, 0, Map.of(), SlaTargets.NONE,
            SlaTargets.NONE, SlaTargets.NONE);
}
