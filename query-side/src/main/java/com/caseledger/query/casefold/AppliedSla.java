package com.caseledger.query.casefold;

import com.caseledger.events.SlaPolicyApplied;
import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaTargets;
import com.caseledger.events.sla.WorkingClock;

/**
 * The SLA policy a case has, as its {@link SlaPolicyApplied} recorded it: with the targets and the calendar it took
 * then, so its clocks are measured from the case's own events alone.
 *
 * @param calendar null for round-the-clock time
 */
record AppliedSla(String policyId, long policyVersion, String calendarId, Long calendarVersion, SlaTargets targets,
                  BusinessCalendar calendar) {

    /** The policy the event gives the case; null when it takes the case's policy away. */
    static AppliedSla of(SlaPolicyApplied applied) {
        if (!applied.hasPolicy()) {
            return null;
        }
        return new AppliedSla(applied.policyId(), applied.policyVersion(), applied.calendarId(),
                applied.calendarVersion(), applied.targets() == null ? new SlaTargets(null, null, null) : applied.targets(),
                applied.calendar());
    }

    WorkingClock clock() {
        return calendar == null ? WorkingClock.calendarTime() : calendar;
    }
}
