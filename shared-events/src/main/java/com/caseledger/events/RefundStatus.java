package com.caseledger.events;

/** REQUESTED -> APPROVED or REJECTED -> ISSUED or FAILED. */
public enum RefundStatus {
    REQUESTED, APPROVED, REJECTED, ISSUED, FAILED
}
