package com.caseledger.command.cases;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Open a new case for a customer matter that came in through a channel. */
public record OpenCase(@TargetAggregateIdentifier String caseId, CaseType type, Channel channel, Category category,
                       Priority priority, String customerId, String subject, String description, String orderId,
                       Money orderAmount, Instant occurredAt) implements CaseCommand {
}
