package com.caseledger.events.sla;

import com.caseledger.events.StorableTime;

import java.time.Duration;
import java.time.Instant;

/** Round-the-clock counting: every instant counts, nights, weekends and holidays included (a policy without a calendar). */
public record CalendarTime() implements WorkingClock {

    @Override
    public Duration workingTime(Instant from, Instant to) {
        ClockArguments.requireOrdered(from, to);
        return Duration.between(from, to);
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration amount) {
        ClockArguments.requireAmount(start, amount);
        if (Duration.between(start, StorableTime.LATEST).compareTo(amount) < 0) {
            throw ClockArguments.beyondStorableTime();
        }
        return start.plus(amount);
    }
}
