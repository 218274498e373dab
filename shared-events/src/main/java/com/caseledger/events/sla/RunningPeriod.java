package com.caseledger.events.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time in which an SLA target's clock ran, [start, end): the case was waiting on us, not PENDING.
 * A period still running has no end.
 */
public record RunningPeriod(Instant start, Instant end) {

    public RunningPeriod {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("a running period ends at " + end + ", before its start " + start);
        }
    }

    public static RunningPeriod between(Instant start, Instant end) {
        return new RunningPeriod(start, Objects.requireNonNull(end, "end"));
    }

    public static RunningPeriod since(Instant start) {
        return new RunningPeriod(start, null);
    }

    public boolean isRunning() {
        return end == null;
    }
}
