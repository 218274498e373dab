package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that an approved refund was paid (or the exchange shipped, the repair ordered). */
public record IssueRefund(@TargetAggregateIdentifier String caseId, String refundId, String reference, Instant occurredAt) implements CaseCommand {
}
