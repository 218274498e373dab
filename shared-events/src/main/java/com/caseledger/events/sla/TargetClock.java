package com.caseledger.events.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock of one SLA target: it runs only in the given periods (time PENDING is left out of them), and within
 * them only working time counts. A clock that stopped and runs again (a customer answers, a case is reopened)
 * resumes with the time it had already used.
 * <p>
 * Periods are in order and do not overlap; only the last may still be running.
 */
public record TargetClock(WorkingClock clock) {

    public TargetClock {
        Objects.requireNonNull(clock, "clock");
    }

    /** The working time used by {@code now}: periods, or their parts, after {@code now} have not happened yet. */
    public Duration elapsed(List<RunningPeriod> running, Instant now) {
        requireInOrder(running);
        Objects.requireNonNull(now, "now");
        Duration used = Duration.ZERO;
        for (RunningPeriod period : running) {
            if (!period.start().isBefore(now)) {
                break;
            }
            Instant end = period.isRunning() || period.end().isAfter(now) ? now : period.end();
            used = used.plus(clock.workingTime(period.start(), end));
        }
        return used;
    }

    /**
     * When {@code target} of working time is used up. That may be an instant already past, inside an earlier period.
     * Empty while the clock is stopped short of its target (PAUSED), or has never run: no instant can be due then.
     */
    public Optional<Instant> dueAt(List<RunningPeriod> running, Duration target) {
        requireInOrder(running);
        Objects.requireNonNull(target, "target");
        if (target.isNegative()) {
            throw new IllegalArgumentException("a target is negative: " + target);
        }
        Duration used = Duration.ZERO;
        for (RunningPeriod period : running) {
            Duration left = target.minus(used);
            if (period.isRunning()) {
                return Optional.of(clock.addWorkingTime(period.start(), left));
            }
            Duration worked = clock.workingTime(period.start(), period.end());
            if (worked.compareTo(left) >= 0) {
                return Optional.of(clock.addWorkingTime(period.start(), left));
            }
            used = used.plus(worked);
        }
        return Optional.empty();
    }

    private static void requireInOrder(List<RunningPeriod> running) {
        Objects.requireNonNull(running, "running");
        for (int i = 1; i < running.size(); i++) {
            RunningPeriod before = running.get(i - 1);
            if (before.isRunning()) {
                throw new IllegalArgumentException("only the last running period may still run; period " + (i - 1) + " does");
            }
            if (running.get(i).start().isBefore(before.end())) {
                throw new IllegalArgumentException("running period " + i + " starts before period " + (i - 1) + " ends");
            }
        }
    }
}
