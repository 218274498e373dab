package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The case is final: nothing but follow-up calls and surveys may be recorded after this. */
@Revision("1")
public record CaseClosed(String caseId, Instant occurredAt) implements CaseEvent {
}
