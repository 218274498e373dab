package com.caseledger.query.reports;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.events.FollowUpStatus;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import com.caseledger.platform.database.StorableText;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.SlaOutcome;
import com.caseledger.query.casefold.SurveysView;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    /**
     * The facts of a folded case, equal to those {@link ServiceLevelRepository} stores for it and reads back: its
     * instants rounded to the microsecond and its agent id made storable, as PostgreSQL holds them.
     */
    static CaseFacts of(CaseTimeline timeline) {
        List<Instant> changes = timeline.resolutionChanges();
        long[] resolutionChanges = changes.isEmpty() ? NEVER_RESOLVED : new long[changes.size()];
        for (int i = 0; i < resolutionChanges.length; i++) {
            resolutionChanges[i] = storedMicros(changes.get(i));
        }
        List<Money> issuedRefunds = timeline.issuedRefunds();
        SurveysView surveys = timeline.surveys();
        return new CaseFacts(timeline.caseId(), storedMicros(timeline.openedAt()), timeline.type(), timeline.channel(),
                timeline.category(), timeline.priority(), StorableText.of(timeline.agentId()), timeline.status(),
                resolutionChanges, timeline.replies(), timeline.reopens(), timeline.resolvedEver(),
                orNone(timeline.firstReplySeconds()), orNone(timeline.firstResolutionSeconds()),
                orNone(timeline.fullResolutionSeconds()), orNone(timeline.requesterWaitSeconds()),
                !issuedRefunds.isEmpty(), (int) timeline.followUps(FollowUpStatus.COMPLETED),
                (int) timeline.followUps(FollowUpStatus.MISSED), orNone(surveys.csat()), orNone(surveys.nps()),
                servqualGaps(surveys.servqual()), issuedRefunds,
                orNone(timeline.businessFirstReplySeconds()), orNone(timeline.businessFirstResolutionSeconds()),
                orNone(timeline.businessFullResolutionSeconds()), orNone(timeline.businessRequesterWaitSeconds()),
                timeline.firstReplyOutcome(), timeline.resolutionOutcome(),
                timeline.nextReplyTargets(SlaOutcome.MET), timeline.nextReplyTargets(SlaOutcome.BREACHED));
    }

    /** Perception minus expectation per dimension, {@link #NONE} for a dimension not rated; null without ratings. */
    private static int[] servqualGaps(Map<ServqualDimension, ServqualRating> servqual) {
        if (servqual == null || servqual.isEmpty()) {
            return null;
        }
        int[] gaps = new int[ServqualDimension.values().length];
        Arrays.fill(gaps, NONE);
        servqual.forEach((dimension, rating) -> gaps[dimension.ordinal()] = rating.perception() - rating.expectation());
        return gaps;
    }

    private static long orNone(Long seconds) {
        return seconds == null ? NONE : seconds;
    }

    private static int orNone(Integer value) {
        return value == null ? NONE : value;
    }

    /** An instant as a {@code timestamptz} column holds it: rounded to the nearest microsecond. */
    static long storedMicros(Instant instant) {
        return micros(instant.plusNanos(500));
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
