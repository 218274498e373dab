package com.caseledger.query.casefold;

import com.caseledger.events.sla.CaseSlaReadings;
import com.caseledger.events.sla.TargetReading;

import java.time.Instant;

/**
 * The clocks of a case's SLA targets, measured from its fold by {@link CaseSlaReadings}, the same arithmetic with
 * which the command side records breaches and met targets. A target the policy does not have is null.
 */
public record SlaClocks(AppliedSla policy, TargetReading firstReply, TargetReading nextReply,
                        TargetReading resolution) {

    /** The clocks of the case's policy; null when the case has none. */
    static SlaClocks of(CaseTimeline c) {
        AppliedSla policy = c.sla;
        if (policy == null) {
            return null;
        }
        CaseSlaReadings readings = CaseSlaReadings.measure(policy.clock(), policy.targets(), c);
        return new SlaClocks(policy, readings.firstReply(), readings.nextReply(), readings.resolution());
    }

    /** The targets as read at {@code now}. */
    public SlaView at(Instant now) {
        return new SlaView(policy.policyId(), policy.policyVersion(), policy.calendarId(), policy.calendarVersion(),
                view(firstReply, now), view(nextReply, now), view(resolution, now));
    }

    /** A target as read at {@code now}: a running clock whose due instant lies before {@code now} is breached. */
    private static SlaTargetView view(TargetReading reading, Instant now) {
        if (reading == null) {
            return null;
        }
        return switch (reading.state()) {
            case RUNNING -> reading.dueAt().isBefore(now)
                    ? new SlaTargetView(reading.dueAt(), SlaStatus.BREACHED, reading.dueAt())
                    : new SlaTargetView(reading.dueAt(), SlaStatus.ACTIVE, null);
            case PAUSED -> new SlaTargetView(null, SlaStatus.PAUSED, null);
            case MET -> new SlaTargetView(reading.dueAt(), SlaStatus.MET, null);
            case BREACHED -> new SlaTargetView(reading.dueAt(), SlaStatus.BREACHED, reading.dueAt());
        };
    }
}
