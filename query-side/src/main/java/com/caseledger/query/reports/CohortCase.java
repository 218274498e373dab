package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.query.caseview.StatusChange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One case of a report's cohort, with the facts its metrics are computed from. */
public record CohortCase(String caseId, Instant openedAt, CaseType type, Channel channel, Category category,
                         Priority priority, String agentId, CaseStatus status, int replies, int reopens,
                         boolean resolvedEver, Long firstReplySeconds, Long firstResolutionSeconds,
                         Long fullResolutionSeconds, Long requesterWaitSeconds, List<StatusChange> statusChanges,
                         List<Money> issuedRefunds, int followUpsCompleted, int followUpsMissed, Integer csat,
                         Integer nps, Map<ServqualDimension, ServqualRating> servqual) {

    /** The status the case had at the end of a period ending (exclusively) at {@code instant}. */
    public CaseStatus statusAtEndOf(Instant instant) {
        CaseStatus result = null;
        for (StatusChange change : statusChanges) {
            if (!change.at().isBefore(instant)) {
                break;
            }
            result = change.status();
        }
        return result;
    }

    public boolean resolvedNow() {
        return status.isResolvedOrClosed();
    }
}
