package com.caseledger.command.followups;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Move a follow-up call to another time. */
public record RescheduleFollowUp(@TargetAggregateIdentifier String caseId, String followUpId, Instant scheduledFor, Instant occurredAt) implements CaseCommand {
}
