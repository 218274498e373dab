package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Make a resolved case final. */
public record CloseCase(@TargetAggregateIdentifier String caseId, Instant occurredAt) implements CaseCommand {
}
