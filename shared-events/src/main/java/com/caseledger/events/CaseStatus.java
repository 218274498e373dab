package com.caseledger.events;

/** Who owes the next action on a case, or whether it is done. */
public enum CaseStatus {
    /** Someone on our side owes an action. */
    OPEN,
    /** We wait for the customer. */
    PENDING,
    /** We consider it solved; the customer may still reopen it. */
    RESOLVED,
    /** Final: nothing but follow-up calls and surveys may be recorded. */
    CLOSED;

    public boolean isResolvedOrClosed() {
        return this == RESOLVED || this == CLOSED;
    }
}
