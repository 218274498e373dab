package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An after-sales request was refused. */
@Revision("1")
public record RefundRejected(String caseId, String refundId, @PersonalData String reason, Instant occurredAt) implements CaseEvent {
}
