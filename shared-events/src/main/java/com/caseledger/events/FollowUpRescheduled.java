package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The follow-up call was moved to another time. */
@Revision("1")
public record FollowUpRescheduled(String caseId, String followUpId, Instant scheduledFor, Instant occurredAt) implements CaseEvent {
}
