package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An agent wrote a note that only agents see; it is never a reply. */
@Revision("1")
public record InternalNoteAdded(String caseId, String agentId, @PersonalData String body, Instant occurredAt) implements CaseEvent {
}
