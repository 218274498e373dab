package com.caseledger.events.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The time that counts towards an SLA target: every instant ({@link CalendarTime}) or only working hours
 * ({@link BusinessCalendar}). Callers measure and schedule through this interface and never ask which one they hold.
 */
public sealed interface WorkingClock permits CalendarTime, BusinessCalendar {

    /** The time that counts between two instants; {@code to} must not be before {@code from}. */
    Duration workingTime(Instant from, Instant to);

    /**
     * The earliest instant by which {@code amount} of counting time has passed since {@code start}. Because it is the
     * earliest, a target that is used up exactly at the end of a working interval is due at that end, not at the start
     * of the next interval, and an amount of zero is due at {@code start} itself, working time or not.
     *
     * @throws ArithmeticException when that instant would lie after {@link com.caseledger.events.StorableTime#LATEST}
     */
    Instant addWorkingTime(Instant start, Duration amount);

    static WorkingClock calendarTime() {
        return new CalendarTime();
    }
}
