package com.caseledger.command.followups;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Plan an outbound call to the customer. */
public record ScheduleFollowUp(@TargetAggregateIdentifier String caseId, String followUpId, Instant scheduledFor, String purpose, Instant occurredAt) implements CaseCommand {
}
