package com.caseledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One recorded event of a case: {@code occurredAt} is when it happened, {@code recordedAt} when the store
 * took it (they differ for backfilled history).
 */
public record HistoryEntry(long sequence, String eventId, String type, Instant occurredAt, Instant recordedAt,
                           @Schema(nullable = true, description = "who asked (X-Actor), or system; null if not recorded")
                           String actor,
                           @Schema(nullable = true, description = "the request's X-Correlation-Id; null if not recorded")
                           String correlationId,
                           @Schema(nullable = true, description = "the command that caused it; null if not recorded")
                           String causationId,
                           @Schema(description = "the event's own fields") JsonNode payload) {
}
