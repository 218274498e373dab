package com.caseledger.events;

import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingClock;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The case took an SLA policy (when it was opened, or when its priority changed), or no longer has one: a
 * {@code policyId} of null means no policy matches the case any more. It records the policy's and its calendar's
 * versions, and carries the targets and the calendar as they were then, so the case's targets never move with a
 * later change of either, and a reader needs no other stream to measure them.
 *
 * @param calendarId null for round-the-clock time (or no policy)
 * @param calendar   the working hours the targets count in; null for round-the-clock time (or no policy)
 * @param escalateOnBreach whether a breach of one of the targets also escalates the case; revision 1 did not
 *                   record it and is read as false
 */
@Revision("2")
public record SlaPolicyApplied(String caseId, String policyId, Long policyVersion, String calendarId,
                               Long calendarVersion, SlaTargets targets, BusinessCalendar calendar,
                               boolean escalateOnBreach, Instant occurredAt)
        implements CaseEvent {

    /** The case no longer has a policy: none in force matches it now. */
    public static SlaPolicyApplied none(String caseId, Instant occurredAt) {
        return new SlaPolicyApplied(caseId, null, null, null, null, null, null, false, occurredAt);
    }

    public boolean hasPolicy() {
        return policyId != null;
    }

    /** The time the targets count in. */
    public WorkingClock clock() {
        return calendar == null ? WorkingClock.calendarTime() : calendar;
    }
}
