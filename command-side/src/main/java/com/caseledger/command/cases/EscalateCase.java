package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Escalate the case to a higher level or a supervisor. */
public record EscalateCase(@TargetAggregateIdentifier String caseId, String reason, String level, Instant occurredAt) implements CaseCommand {
}
