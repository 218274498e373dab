package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case was escalated to a higher level or a supervisor. */
@Revision("1")
public record CaseEscalated(String caseId, @PersonalData String reason, String level, Instant occurredAt) implements CaseEvent {
}
