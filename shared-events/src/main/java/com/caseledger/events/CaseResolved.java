package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** We consider the case solved. */
@Revision("1")
public record CaseResolved(String caseId, String resolutionCode, @PersonalData String summary, Instant occurredAt) implements CaseEvent {
}
