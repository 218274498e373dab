package com.caseledger.command.casework;

import java.time.Instant;

/**
 * A command on a case. One that carries {@code occurredAt} imports history from another system: it records a decision
 * already taken elsewhere, at the instant it was taken, and only an ADMIN sends it.
 */
public interface CaseCommand {

    /** When it happened, for an import; null for a change made now. */
    Instant occurredAt();

    default boolean imported() {
        return occurredAt() != null;
    }
}
