package com.caseledger.command.followups;

import com.caseledger.command.casework.CaseCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that a follow-up call did not take place. */
public record MissFollowUp(@TargetAggregateIdentifier String caseId, String followUpId, String reason, Instant occurredAt) implements CaseCommand {
}
