package com.caseledger.events.sla;

import com.caseledger.events.CaseStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The clocks of one case's SLA targets, measured from its {@link SlaFacts}. Each clock runs only while the case is
 * OPEN (someone on our side owes an action): never while PENDING, nor while RESOLVED or CLOSED. First reply: from
 * opening to the first public reply. Next reply: from the oldest customer message not yet answered after the first
 * reply to the next public reply; the current wait, or the latest answered one. Resolution: from opening to the
 * latest resolution; a reopen resumes it with the time already used. A target the policy does not set is null, and so
 * is the next reply while the customer has not written since the first reply.
 */
public record CaseSlaReadings(TargetReading firstReply, TargetReading nextReply, TargetReading resolution) {

    public static CaseSlaReadings measure(WorkingClock clock, SlaTargets targets, SlaFacts facts) {
        List<? extends StatusMark> changes = facts.statusChanges();
        TargetReading firstReply = measure(clock, targets.firstReply(),
                openPeriods(changes, facts.openedAt(), facts.firstReplyAt()), facts.firstReplyAt());
        TargetReading nextReply = facts.replyWaitStartedAt() == null ? null : measure(clock, targets.nextReply(),
                openPeriods(changes, facts.replyWaitStartedAt(), facts.replyWaitAnsweredAt()),
                facts.replyWaitAnsweredAt());
        TargetReading resolution = measure(clock, targets.resolution(),
                openPeriods(changes, facts.openedAt(), facts.resolvedAt()), facts.resolvedAt());
        return new CaseSlaReadings(firstReply, nextReply, resolution);
    }

    /** The reading of one kind of target; null when the policy does not set it (or no wait has begun). */
    public TargetReading of(SlaTargetKind kind) {
        return switch (kind) {
            case FIRST_REPLY -> firstReply;
            case NEXT_REPLY -> nextReply;
            case RESOLUTION -> resolution;
        };
    }

    private static TargetReading measure(WorkingClock clock, Duration target, List<RunningPeriod> running,
                                         Instant metAt) {
        return target == null ? null : TargetReading.measure(clock, target, running, metAt);
    }

    /**
     * The stretches in which the case was OPEN within [{@code from}, {@code until}); with {@code until} null the
     * current stretch of an OPEN case still runs.
     */
    static List<RunningPeriod> openPeriods(List<? extends StatusMark> changes, Instant from, Instant until) {
        List<RunningPeriod> periods = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            StatusMark change = changes.get(i);
            if (change.status() != CaseStatus.OPEN) {
                continue;
            }
            Instant start = change.at().isBefore(from) ? from : change.at();
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : null;
            if (until != null && (end == null || end.isAfter(until))) {
                end = until;
            }
            if (end == null) {
                periods.add(RunningPeriod.since(start));
            } else if (end.isAfter(start)) {
                periods.add(RunningPeriod.between(start, end));
            }
        }
        return periods;
    }
}
