package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An after-sales request was approved, by an approver or (within the auto-approval limit) by the system. */
@Revision("1")
public record RefundApproved(String caseId, String refundId, String approverId, boolean automatic, Instant occurredAt) implements CaseEvent {
}
