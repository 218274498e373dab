package com.caseledger.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One recorded event as the export feed gives it, with the cursor that resumes the feed right after it. */
public record FeedEvent(@Schema(description = "pass as `after` to continue right after this event") String cursor,
                        @Schema(description = "the case; for an erasure of a customer, customer/ and the customer's id")
                        String caseId,
                        long sequence,
                        String eventId,
                        String type,
                        Instant occurredAt,
                        Instant recordedAt,
                        @Schema(nullable = true) String actor,
                        @Schema(nullable = true, description = "the signed-in user whose command caused it") String causedBy,
                        @Schema(nullable = true, description = "on imported history, the admin who imported it") String importedBy,
                        @Schema(nullable = true) String correlationId,
                        @Schema(nullable = true) String causationId,
                        JsonNode payload) {
}
