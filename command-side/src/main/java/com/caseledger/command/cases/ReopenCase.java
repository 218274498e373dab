package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Open a resolved case again by an agent's decision. */
public record ReopenCase(@TargetAggregateIdentifier String caseId, String reason, Instant occurredAt) implements CaseCommand {
}
