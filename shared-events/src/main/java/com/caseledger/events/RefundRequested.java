package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer asked for a refund, return, exchange or repair on the case's order; {@code amount} only for kinds that carry money. */
@Revision("1")
public record RefundRequested(String caseId, String refundId, RefundKind kind, Money amount, @PersonalData String reason, String orderId, Instant occurredAt) implements CaseEvent {
}
