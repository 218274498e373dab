package com.caseledger.events;

/** REQUESTED -> APPROVED or REJECTED -> ISSUED or FAILED. */
public enum RefundStatus {
    REQUESTED, APPROVED, REJECTED, ISSUED, FAILED;

    /** Whether the request's money still counts against its order's amount. */
    public boolean holdsMoney() {
        return this == REQUESTED || this == APPROVED || this == ISSUED;
    }
}
