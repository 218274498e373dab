package com.caseledger.query.casefold;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.sla.RunningPeriod;
import com.caseledger.events.sla.WorkingClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The clocks of a case's SLA targets, measured from its fold. Each clock runs only while the case is OPEN (someone on
 * our side owes an action): never while PENDING, nor while RESOLVED or CLOSED. First reply: from opening to the first
 * public reply. Next reply: from the oldest customer message not yet answered after the first reply to the next public
 * reply; the current wait, or the latest answered one. Resolution: from opening to the latest resolution; a reopen
 * resumes it with the time already used. A target the policy does not have is null.
 */
public record SlaClocks(AppliedSla policy, SlaTargetClock firstReply, SlaTargetClock nextReply,
                        SlaTargetClock resolution) {

    /** The clocks of the case's policy; null when the case has none. */
    static SlaClocks of(CaseTimeline c) {
        AppliedSla policy = c.sla;
        if (policy == null) {
            return null;
        }
        WorkingClock clock = policy.clock();
        SlaTargetClock firstReply = measure(clock, policy.targets().firstReply(),
                openPeriods(c.statusChanges, c.openedAt, c.firstReplyAt), c.firstReplyAt);
        SlaTargetClock nextReply = c.replyWaitStartedAt == null ? null : measure(clock, policy.targets().nextReply(),
                openPeriods(c.statusChanges, c.replyWaitStartedAt, c.replyWaitAnsweredAt), c.replyWaitAnsweredAt);
        Instant resolvedAt = c.status.isResolvedOrClosed() ? c.lastResolvedAt : null;
        SlaTargetClock resolution = measure(clock, policy.targets().resolution(),
                openPeriods(c.statusChanges, c.openedAt, resolvedAt), resolvedAt);
        return new SlaClocks(policy, firstReply, nextReply, resolution);
    }

    /** The targets as read at {@code now}. */
    public SlaView at(Instant now) {
        return new SlaView(policy.policyId(), policy.policyVersion(), policy.calendarId(), policy.calendarVersion(),
                view(firstReply, now), view(nextReply, now), view(resolution, now));
    }

    private static SlaTargetView view(SlaTargetClock clock, Instant now) {
        return clock == null ? null : clock.at(now);
    }

    private static SlaTargetClock measure(WorkingClock clock, Duration target, List<RunningPeriod> running,
                                          Instant metAt) {
        return target == null ? null : SlaTargetClock.measure(clock, target, running, metAt);
    }

    /**
     * The stretches in which the case was OPEN within [{@code from}, {@code until}); with {@code until} null the
     * current stretch of an OPEN case still runs.
     */
    static List<RunningPeriod> openPeriods(List<StatusChange> changes, Instant from, Instant until) {
        List<RunningPeriod> periods = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            StatusChange change = changes.get(i);
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
