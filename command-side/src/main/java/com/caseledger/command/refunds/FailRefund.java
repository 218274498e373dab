package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that issuing an approved refund failed. */
public record FailRefund(@TargetAggregateIdentifier String caseId, String refundId, String reason, Instant occurredAt) implements CaseCommand {
}
