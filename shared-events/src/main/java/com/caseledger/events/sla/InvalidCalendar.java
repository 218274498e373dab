package com.caseledger.events.sla;

/**
 * A business calendar that can never be accepted; names the offending field by its path in the calendar's JSON
 * ({@code zone}, {@code workingHours.MONDAY[1].from}, {@code holidays[2]}), so the web layer can answer a 400 per field.
 */
public class InvalidCalendar extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /** @param field the path of the offending field; empty when a working interval refuses itself before it has a path */
    public InvalidCalendar(String field, String reason) {
        super(field.isEmpty() ? reason : field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field's path. */
    public String reason() {
        return reason;
    }

    /** The same refusal, seen from the object that holds the field at {@code path}. */
    InvalidCalendar under(String path) {
        return new InvalidCalendar(field.isEmpty() ? path : path + "." + field, reason);
    }
}
