package com.caseledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One recorded event of a case: {@code occurredAt} is when it happened, {@code recordedAt} when the store
 * took it (they differ for backfilled history).
 */
public record HistoryEntry(long sequence, String eventId, String type, Instant occurredAt, Instant recordedAt,
                           String actor, String correlationId, String causationId, JsonNode payload) {
}
