package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.events.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record that the customer wrote or spoke again. */
public record RecordCustomerMessage(@TargetAggregateIdentifier String caseId, String body, Channel channel, Instant occurredAt) implements CaseCommand {
}
