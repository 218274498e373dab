package com.caseledger.events.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one SLA target's clock stands as the case's events leave it. Only a clock still RUNNING depends on when it is
 * read: it is due at {@code dueAt}, which may already have passed. The other states no longer change with time.
 */
public record TargetReading(State state, Instant dueAt) {

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
    public static TargetReading measure(WorkingClock clock, Duration target, List<RunningPeriod> running,
                                        Instant metAt) {
        TargetClock targetClock = new TargetClock(clock);
        if (metAt != null) {
            Duration used = targetClock.elapsed(running, metAt);
            if (used.compareTo(target) <= 0) {
                return new TargetReading(State.MET, clock.addWorkingTime(metAt, target.minus(used)));
            }
            return new TargetReading(State.BREACHED, targetClock.dueAt(running, target).orElseThrow());
        }
        Optional<Instant> due = targetClock.dueAt(running, target);
        if (due.isEmpty()) {
            return new TargetReading(State.PAUSED, null);
        }
        boolean runs = !running.isEmpty() && running.get(running.size() - 1).isRunning();
        return new TargetReading(runs ? State.RUNNING : State.BREACHED, due.get());
    }

    /** Breached as read at {@code now}: recorded so, or still running with its due instant before {@code now}. */
    public boolean breachedBy(Instant now) {
        return state == State.BREACHED || (state == State.RUNNING && dueAt.isBefore(now));
    }
}
