package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Consider the case solved. */
public record ResolveCase(@TargetAggregateIdentifier String caseId, String resolutionCode, String summary, Instant occurredAt) implements CaseCommand {
}
