package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** We now wait for the customer: the case is PENDING. */
@Revision("1")
public record CaseAwaitingCustomer(String caseId, @PersonalData String reason, Instant occurredAt) implements CaseEvent {
}
