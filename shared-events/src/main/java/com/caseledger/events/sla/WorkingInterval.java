package com.caseledger.events.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One stretch of working hours within a day, in the calendar's local time, from {@code from} (included) to {@code to}
 * (excluded). An interval never crosses midnight: a {@code to} of 00:00, written "24:00", ends it at the end of its
 * day, so 00:00-24:00 is a whole day, and a night shift is two intervals on two days.
 */
public record WorkingInterval(LocalTime from, LocalTime to) {

    /** How the end of the day is written, in {@code to} only. */
    public static final String END_OF_DAY = "24:00";

    static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    public WorkingInterval {
        if (from == null) {
            throw new InvalidCalendar("from", "is required");
        }
        if (to == null) {
            throw new InvalidCalendar("to", "is required");
        }
        if (!to.equals(LocalTime.MIDNIGHT) && !to.isAfter(from)) {
            throw new InvalidCalendar("", (to.equals(from) ? "is empty: " : "ends before it starts: ") + describe(from, to));
        }
    }

    /** An interval as the API writes it: "09:00" to "18:00", or to "24:00" for the end of the day. */
    public record Text(String from, String to) {
    }

    /** Reads an interval as the API writes it; a refusal names {@code from}, {@code to} or the interval itself. */
    public static WorkingInterval parse(Text text) {
        if (text == null) {
            throw new InvalidCalendar("", "is required");
        }
        return new WorkingInterval(parseTime("from", text.from(), false), parseTime("to", text.to(), true));
    }

    private static LocalTime parseTime(String field, String text, boolean endOfDayAllowed) {
        if (text == null) {
            throw new InvalidCalendar(field, "is required");
        }
        if (endOfDayAllowed && text.equals(END_OF_DAY)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidCalendar(field, "is not a time of day (HH:mm" + (endOfDayAllowed ? ", or 24:00" : "") + "): " + text);
        }
    }

    /** The interval as the API writes it: "24:00" for the end of the day. */
    public Text text() {
        return new Text(from.toString(), endsAtEndOfDay() ? END_OF_DAY : to.toString());
    }

    public boolean endsAtEndOfDay() {
        return to.equals(LocalTime.MIDNIGHT);
    }

    /** Its length on a day without a change of the zone's offset. */
    public Duration length() {
        return Duration.ofNanos(toNanoOfDay() - fromNanoOfDay());
    }

    long fromNanoOfDay() {
        return from.toNanoOfDay();
    }

    /** The end as nanoseconds since the day's start; the end of the day is a whole day. */
    long toNanoOfDay() {
        return endsAtEndOfDay() ? NANOS_PER_DAY : to.toNanoOfDay();
    }

    @Override
    public String toString() {
        return describe(from, to);
    }

    private static String describe(LocalTime from, LocalTime to) {
        return from + "-" + (to.equals(LocalTime.MIDNIGHT) ? END_OF_DAY : to.toString());
    }
}
