package com.caseledger.query.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;

import java.time.Instant;
import java.util.List;

/** A case whose events wait in the projections' dead-letter queue, oldest first; the first says why. */
public record ParkedCase(String caseId, List<ParkedEvent> events) {

    private static final int CAUSE_LENGTH = 300;

    /**
     * One parked event of the case.
     *
     * @param causeType    the exception that parked it; null for an event parked behind an earlier one of its case
     * @param causeMessage its message, cut to {@value #CAUSE_LENGTH} characters
     */
    public record ParkedEvent(String eventType,
                              @Schema(nullable = true) Long sequenceNumber,
                              @Schema(nullable = true, description = "the event's position in the event store")
                              Long globalIndex,
                              Instant enqueuedAt,
                              Instant lastTouched,
                              @Schema(nullable = true, description = "null for an event parked behind an earlier one of "
                                      + "its case") String causeType,
                              @Schema(nullable = true) String causeMessage) {
    }

    static ParkedCase of(String caseId, List<DeadLetter<? extends EventMessage<?>>> letters) {
        return new ParkedCase(caseId, letters.stream().map(ParkedCase::event).toList());
    }

    private static ParkedEvent event(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        Long globalIndex = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        Cause cause = letter.cause().orElse(null);
        return new ParkedEvent(message.getPayloadType().getSimpleName(), sequence, globalIndex, letter.enqueuedAt(),
                letter.lastTouched(), cause == null ? null : cause.type(),
                cause == null ? null : cut(cause.message()));
    }

    private static String cut(String text) {
        return text == null || text.length() <= CAUSE_LENGTH ? text : text.substring(0, CAUSE_LENGTH) + "...";
    }
}
