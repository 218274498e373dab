package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.WorkingClock;

/**
 * The policy a case takes, as it stands when the case takes it: the case records the policy's id and version (and its
 * calendar's id and version), so later changes of either never move its targets.
 *
 * @param calendar the calendar the policy names, at its current version; null for round-the-clock time
 */
public record SelectedSlaPolicy(String policyId, long policyVersion, SlaPolicy policy, SlaCalendarDefined calendar) {

    /** The time its targets count in. */
    public WorkingClock clock() {
        return calendar == null ? WorkingClock.calendarTime() : calendar.calendar();
    }
}
