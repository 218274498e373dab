package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An outbound call to the customer was planned, by an agent or automatically after a complaint's resolution. */
@Revision("1")
public record FollowUpScheduled(String caseId, String followUpId, Instant scheduledFor, @PersonalData String purpose, boolean automatic, Instant occurredAt) implements CaseEvent {
}
