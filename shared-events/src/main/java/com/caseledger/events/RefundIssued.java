package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The money was sent (payment reference), or the exchange shipped or repair ordered (shipment or work-order reference). */
@Revision("1")
public record RefundIssued(String caseId, String refundId, String reference, Instant occurredAt) implements CaseEvent {
}
