package com.caseledger.events;

import java.time.Instant;

/**
 * Something that happened to one case. {@code occurredAt} is when it happened in the world
 * (given by the client when history is backfilled); the store keeps when it was recorded.
 */
public interface CaseEvent {

    String caseId();

    Instant occurredAt();
}
