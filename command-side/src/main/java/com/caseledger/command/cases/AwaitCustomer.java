package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Wait for the customer: the case becomes PENDING. */
public record AwaitCustomer(@TargetAggregateIdentifier String caseId, String reason, Instant occurredAt) implements CaseCommand {
}
