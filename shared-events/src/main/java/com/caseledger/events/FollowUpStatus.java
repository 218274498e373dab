package com.caseledger.events;

/** An outbound call: SCHEDULED, then COMPLETED (the customer was reached) or MISSED. */
public enum FollowUpStatus {
    SCHEDULED, COMPLETED, MISSED
}
