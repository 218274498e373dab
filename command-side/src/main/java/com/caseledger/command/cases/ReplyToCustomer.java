package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record an agent's public answer. */
public record ReplyToCustomer(@TargetAggregateIdentifier String caseId, String agentId, String body, Instant occurredAt) implements CaseCommand {
}
