package com.caseledger.command.refunds;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.events.Money;
import com.caseledger.events.RefundKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Ask for a refund, return, exchange or repair on the case's order. */
public record RequestRefund(@TargetAggregateIdentifier String caseId, String refundId, RefundKind kind, Money amount, String reason, Instant occurredAt) implements CaseCommand {
}
