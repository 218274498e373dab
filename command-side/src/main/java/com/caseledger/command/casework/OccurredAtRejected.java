package com.caseledger.command.casework;

import com.caseledger.events.StorableTime;

/**
 * An {@code occurredAt} that cannot be recorded. In the future it is invalid input whatever the case;
 * before the case's latest event it conflicts with the history already recorded.
 */
public class OccurredAtRejected extends RuntimeException {

    private final boolean conflictsWithHistory;

    private OccurredAtRejected(String message, boolean conflictsWithHistory) {
        super(message);
        this.conflictsWithHistory = conflictsWithHistory;
    }

    public static OccurredAtRejected inTheFuture(Object occurredAt, Object now) {
        return new OccurredAtRejected("occurredAt " + occurredAt + " is in the future (it is now " + now + ")", false);
    }

    public static OccurredAtRejected outOfRange(Object occurredAt) {
        return new OccurredAtRejected("occurredAt " + occurredAt + " " + StorableTime.describe(), false);
    }

    public static OccurredAtRejected beforeLatestEvent(Object occurredAt, Object latest) {
        return new OccurredAtRejected("occurredAt " + occurredAt
                + " is earlier than the case's latest recorded event (" + latest + "); history is recorded in order", true);
    }

    public boolean conflictsWithHistory() {
        return conflictsWithHistory;
    }
}
