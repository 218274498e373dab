package com.caseledger.command.sla;

import com.caseledger.command.sla.CaseSla.RunningTarget;
import org.axonframework.deadline.DeadlineManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sets the persistent timers (Axon deadlines, kept in PostgreSQL by db-scheduler) that watch a case's running SLA
 * targets. A timer is set for each running target whose due instant a command moved or started; a timer whose target
 * has since been met, paused or moved finds nothing to do when it fires, so timers are never cancelled. A due instant
 * already past fires at once, or after the import grace when imported history set it.
 */
public final class SlaTimers {

    /** The name of the deadline that SLA timers schedule. */
    public static final String DEADLINE = "sla-due";

    private SlaTimers() {
    }

    public static void set(DeadlineManager deadlines, SlaSettings settings, Clock clock, List<RunningTarget> before,
                           List<RunningTarget> after, boolean imported) {
        Instant now = clock.instant();
        for (RunningTarget target : after) {
            if (before.contains(target)) {
                continue;
            }
            Instant fireAt = target.dueAt();
            if (!fireAt.isAfter(now)) {
                fireAt = imported ? now.plus(settings.importGrace()) : now;
            }
            deadlines.schedule(fireAt, DEADLINE, new SlaDue(target.kind(), target.dueAt()));
        }
    }
}
