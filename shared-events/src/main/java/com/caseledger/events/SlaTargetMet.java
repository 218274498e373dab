package com.caseledger.events;

import com.caseledger.events.sla.SlaTargetKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An SLA target of the case was met by its due instant: by the first public reply, the reply that answered a wait, or
 * a resolution. {@code occurredAt} is when it was met.
 *
 * @param waitStartedAt for a next reply target, when the wait it measures began; null for the other kinds
 * @param dueAt         when the target would have fallen due
 */
@Revision("1")
public record SlaTargetMet(String caseId, SlaTargetKind target, String policyId, Instant waitStartedAt, Instant dueAt,
                           Instant occurredAt) implements CaseEvent {
}
