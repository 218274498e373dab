package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Approve a requested refund. */
public record ApproveRefund(@TargetAggregateIdentifier String caseId, String refundId, String approverId, Instant occurredAt) implements CaseCommand {
}
