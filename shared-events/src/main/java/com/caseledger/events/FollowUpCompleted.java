package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The follow-up call reached the customer. */
@Revision("1")
public record FollowUpCompleted(String caseId, String followUpId, Integer satisfaction, @PersonalData String notes, Instant occurredAt) implements CaseEvent {
}
