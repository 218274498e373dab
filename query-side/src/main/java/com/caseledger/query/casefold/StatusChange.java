package com.caseledger.query.casefold;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.sla.StatusMark;

import java.time.Instant;

/** The case entered {@code status} at {@code at}. */
public record StatusChange(Instant at, CaseStatus status) implements StatusMark {
}
