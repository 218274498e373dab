package com.caseledger.events.sla;

import com.caseledger.events.CaseStatus;

import java.time.Instant;

/** The case entered {@code status} at {@code at}; SLA clocks run only while it is OPEN. */
public interface StatusMark {

    Instant at();

    CaseStatus status();
}
