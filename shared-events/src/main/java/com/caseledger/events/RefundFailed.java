package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Issuing an approved request failed; its money no longer counts against the order. */
@Revision("1")
public record RefundFailed(String caseId, String refundId, @PersonalData String reason, Instant occurredAt) implements CaseEvent {
}
