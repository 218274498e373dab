package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A customer matter was opened through a channel. */
@Revision("1")
public record CaseOpened(String caseId, CaseType type, Channel channel, Category category, Priority priority, String customerId, @PersonalData String subject, @PersonalData String description, String orderId, Money orderAmount, Instant occurredAt) implements CaseEvent {
}
