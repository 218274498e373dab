package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was given to an agent (and optionally a team). */
@Revision("1")
public record CaseAssigned(String caseId, String agentId, String team, Instant occurredAt) implements CaseEvent {
}
