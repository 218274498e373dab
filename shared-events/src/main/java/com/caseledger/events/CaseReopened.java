package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A resolved case is OPEN again, by the customer's message or an agent's decision. */
@Revision("1")
public record CaseReopened(String caseId, @PersonalData String reason, boolean byCustomer, Instant occurredAt) implements CaseEvent {
}
