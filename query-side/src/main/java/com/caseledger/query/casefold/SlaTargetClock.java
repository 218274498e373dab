package com.caseledger.query.casefold;

import com.caseledger.events.sla.RunningPeriod;
import com.caseledger.events.sla.TargetClock;
import com.caseledger.events.sla.WorkingClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one SLA target's clock stands as the case's events leave it. Only a clock still RUNNING depends on when it is
 * read: it is ACTIVE until its due instant and BREACHED after it. The other states no longer change with time.
 */
public record SlaTargetClock(State state, Instant dueAt) {

    public enum State {
        /** The clock runs now; {@code dueAt} is when its target is used up (which may have passed). */
        RUNNING,
        /** The clock stands still short of its target; no due instant. */
        PAUSED,
        /** Met within the target; {@code dueAt} is when it would have fallen due. */
        MET,
        /** The target was used up before it was met, at {@code dueAt}. */
        BREACHED
    }

    /**
     * Measures a target whose clock ran in {@code running} (ordered, only the last may still run) and that was met at
     * {@code metAt} (null: not yet). Met with exactly the target used is met in time.
     */
    static SlaTargetClock measure(WorkingClock clock, Duration target, List<RunningPeriod> running, Instant metAt) {
        TargetClock targetClock = new TargetClock(clock);
        if (metAt != null) {
            Duration used = targetClock.elapsed(running, metAt);
            if (used.compareTo(target) <= 0) {
                return new SlaTargetClock(State.MET, clock.addWorkingTime(metAt, target.minus(used)));
            }
            return new SlaTargetClock(State.BREACHED, targetClock.dueAt(running, target).orElseThrow());
        }
        Optional<Instant> due = targetClock.dueAt(running, target);
        if (due.isEmpty()) {
            return new SlaTargetClock(State.PAUSED, null);
        }
        boolean runs = !running.isEmpty() && running.get(running.size() - 1).isRunning();
        return new SlaTargetClock(runs ? State.RUNNING : State.BREACHED, due.get());
    }

    /** The target as read at {@code now}: a running clock whose due instant lies before {@code now} is breached. */
    public SlaTargetView at(Instant now) {
        return switch (state) {
            case RUNNING -> dueAt.isBefore(now)
                    ? new SlaTargetView(dueAt, SlaStatus.BREACHED, dueAt)
                    : new SlaTargetView(dueAt, SlaStatus.ACTIVE, null);
            case PAUSED -> new SlaTargetView(null, SlaStatus.PAUSED, null);
            case MET -> new SlaTargetView(dueAt, SlaStatus.MET, null);
            case BREACHED -> new SlaTargetView(dueAt, SlaStatus.BREACHED, dueAt);
        };
    }
}
