package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Give the case to an agent, optionally in a team. */
public record AssignCase(@TargetAggregateIdentifier String caseId, String agentId, String team, Instant occurredAt) implements CaseCommand {
}
