package com.caseledger.events.sla;

import com.caseledger.events.StorableTime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The argument checks every {@link WorkingClock} shares, so both clocks refuse the same mistakes the same way. */
final class ClockArguments {

    private ClockArguments() {
    }

    static void requireOrdered(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the end " + to + " is before the start " + from);
        }
    }

    static void requireAmount(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the amount of working time is negative: " + amount);
        }
    }

    static Instant requireStorable(Instant due) {
        if (due.isAfter(StorableTime.LATEST)) {
            throw beyondStorableTime();
        }
        return due;
    }

    static ArithmeticException beyondStorableTime() {
        return new ArithmeticException("the working time ends after " + StorableTime.LATEST);
    }
}
