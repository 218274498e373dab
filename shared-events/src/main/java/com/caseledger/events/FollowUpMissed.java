package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The follow-up call did not reach the customer. */
@Revision("1")
public record FollowUpMissed(String caseId, String followUpId, @PersonalData String reason, Instant occurredAt) implements CaseEvent {
}
