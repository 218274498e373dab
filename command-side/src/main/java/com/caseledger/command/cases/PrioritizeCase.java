package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.events.Priority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Change how urgently the case must be worked. */
public record PrioritizeCase(@TargetAggregateIdentifier String caseId, Priority priority, Instant occurredAt) implements CaseCommand {
}
