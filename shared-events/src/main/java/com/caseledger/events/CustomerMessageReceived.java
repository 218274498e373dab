package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer wrote or spoke again. */
@Revision("1")
public record CustomerMessageReceived(String caseId, @PersonalData String body, Channel channel, Instant occurredAt) implements CaseEvent {
}
