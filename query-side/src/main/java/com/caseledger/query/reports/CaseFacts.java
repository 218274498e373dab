package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.query.casefold.SlaOutcome;

import java.time.Instant;
import java.util.List;

/**
 * One case's service-level facts, as a report reads them: its attributes, status, counts and durations in whole
 * seconds, its survey answers, its SERVQUAL gaps (perception minus expectation, in {@code ServqualDimension} order),
 * and its issued refunds. Reports add up tens of thousands of these, so the fields are primitives: instants are
 * microseconds since the epoch, and {@link #NONE} stands for a duration, score or gap that does not exist (yet).
 * {@code resolutionChanges} are the instants at which the case became RESOLVED or CLOSED and stopped being either,
 * alternately and oldest first, so its status at the end of any period is known without its whole history. The
 * durations come twice: in calendar time, and in business time (working time under the calendar of the case's SLA
 * policy). The SLA outcomes are the latest on record per target: null for a first reply or resolution target without
 * one, and the number of next reply targets (one per wait) last met and last breached.
 */
record CaseFacts(String caseId,
                 long openedAt,
                 CaseType type,
                 Channel channel,
                 Category category,
                 Priority priority,
                 String agentId,
                 CaseStatus status,
                 long[] resolutionChanges,
                 int replies,
                 int reopens,
                 boolean resolvedEver,
                 long firstReplySeconds,
                 long firstResolutionSeconds,
                 long fullResolutionSeconds,
                 long requesterWaitSeconds,
                 boolean refunded,
                 int followUpsCompleted,
                 int followUpsMissed,
                 int csat,
                 int nps,
                 int[] servqualGaps,
                 List<Money> issuedRefunds,
                 long businessFirstReplySeconds,
                 long businessFirstResolutionSeconds,
                 long businessFullResolutionSeconds,
                 long businessRequesterWaitSeconds,
                 SlaOutcome firstReplyOutcome,
                 SlaOutcome resolutionOutcome,
                 int nextRepliesMet,
                 int nextRepliesBreached) {

    static final int NONE = Integer.MIN_VALUE;
    static final long[] NEVER_RESOLVED = new long[0];

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
