package com.caseledger.query.feed;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the export feed. */
public record FeedPage(List<FeedEvent> events,
                       @Schema(nullable = true, description = "pass as `after` for the next page; null only while the store is empty")
                       String nextCursor,
                       @Schema(description = "true when the page reached the newest event recorded when it was read")
                       boolean endOfStream) {
}
