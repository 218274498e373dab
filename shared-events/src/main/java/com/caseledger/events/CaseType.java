package com.caseledger.events;

/** What kind of matter the customer brought. */
public enum CaseType {
    INQUIRY, COMPLAINT
}
