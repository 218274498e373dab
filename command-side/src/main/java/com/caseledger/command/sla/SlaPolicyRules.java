package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaDefinitions;
import com.caseledger.events.sla.SlaPolicy;
import com.caseledger.events.sla.SlaTargets;

import java.time.Duration;

/**
 * What a policy must be to be defined: at least one target (a policy without targets would take cases from the
 * policies after it and measure nothing), every target whole seconds from one second to {@link #LONGEST_TARGET}, and
 * a calendar that is defined.
 */
final class SlaPolicyRules {

    static final long LONGEST_TARGET = Duration.ofDays(366).toSeconds();

    private SlaPolicyRules() {
    }

    static void check(SlaPolicy policy, SlaDefinitions definitions) {
        if (policy.name() == null || policy.name().isBlank()) {
            throw new InvalidSlaDefinition("name", "is required");
        }
        SlaTargets targets = policy.targets();
        if (targets.firstReplySeconds() == null && targets.nextReplySeconds() == null
                && targets.resolutionSeconds() == null) {
            throw new InvalidSlaDefinition("targets", "needs at least one of firstReplySeconds, nextReplySeconds and "
                    + "resolutionSeconds");
        }
        checkTarget("targets.firstReplySeconds", targets.firstReplySeconds());
        checkTarget("targets.nextReplySeconds", targets.nextReplySeconds());
        checkTarget("targets.resolutionSeconds", targets.resolutionSeconds());
        if (policy.calendarId() != null && definitions.calendar(policy.calendarId()).isEmpty()) {
            throw new InvalidSlaDefinition("calendarId", "names no defined calendar; define it first with "
                    + "PUT /api/admin/sla/calendars/{calendarId}, or leave calendarId out for round-the-clock time");
        }
    }

    private static void checkTarget(String field, Long seconds) {
        if (seconds != null && (seconds < 1 || seconds > LONGEST_TARGET)) {
            throw new InvalidSlaDefinition(field, "must be whole seconds from 1 to " + LONGEST_TARGET
                    + " (366 days); leave it out for no target");
        }
    }
}
