package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A customer message ended a wait for the customer: the case is OPEN again. */
@Revision("1")
public record CaseResumed(String caseId, Instant occurredAt) implements CaseEvent {
}
