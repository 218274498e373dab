package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case's priority changed. */
@Revision("1")
public record CasePrioritized(String caseId, Priority priority, Instant occurredAt) implements CaseEvent {
}
