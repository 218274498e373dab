package com.caseledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One recorded event of a case: {@code occurredAt} is when it happened, {@code recordedAt} when the store
 * took it (they differ for backfilled history).
 */
public record HistoryEntry(long sequence, String eventId, String type, Instant occurredAt, Instant recordedAt,
                           @Schema(nullable = true, description = "who did it: the signed-in user, system for what "
                                   + "CaseLedger decided itself, or on imported history the actor the import named; "
                                   + "null if not recorded")
                           String actor,
                           @Schema(nullable = true, description = "the signed-in user whose command caused it; null "
                                   + "on events recorded before sign-in")
                           String causedBy,
                           @Schema(nullable = true, description = "on imported history, the admin who imported it; "
                                   + "null otherwise")
                           String importedBy,
                           @Schema(nullable = true, description = "the request's X-Correlation-Id; null if not recorded")
                           String correlationId,
                           @Schema(nullable = true, description = "the command that caused it; null if not recorded")
                           String causationId,
                           @Schema(description = "the event's own fields") JsonNode payload) {
}
