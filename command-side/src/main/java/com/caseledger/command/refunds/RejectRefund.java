package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Refuse a requested refund. */
public record RejectRefund(@TargetAggregateIdentifier String caseId, String refundId, String reason, Instant occurredAt) implements CaseCommand {
}
