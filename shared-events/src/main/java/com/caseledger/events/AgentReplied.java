package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An agent answered the customer publicly. */
@Revision("1")
public record AgentReplied(String caseId, String agentId, @PersonalData String body, Instant occurredAt) implements CaseEvent {
}
