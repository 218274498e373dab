package com.caseledger.query.caseview;

import com.caseledger.events.CaseStatus;

import java.time.Instant;

/** The case entered {@code status} at {@code at}. */
public record StatusChange(Instant at, CaseStatus status) {
}
