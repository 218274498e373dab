package com.caseledger.command.followups;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record the outcome of a follow-up call. */
public record CompleteFollowUp(@TargetAggregateIdentifier String caseId, String followUpId, boolean reached, Integer satisfaction, String notes, Instant occurredAt) implements CaseCommand {
}
