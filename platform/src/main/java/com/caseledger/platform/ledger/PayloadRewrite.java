package com.caseledger.platform.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A payload the store rewrote in place: the one rewrite it allows, sealing text that was recorded in clear. The chain
 * is recomputed by it, so an auditor reads here which events it touched, when and by which database user.
 */
public record PayloadRewrite(long sequence,
                             Instant rewrittenAt,
                             @Schema(description = "the database user of the rewriting transaction")
                             String rewrittenBy,
                             @Schema(nullable = true, description = "the event's hash before, hex")
                             String hashBefore,
                             @Schema(description = "the event's hash after, hex") String hashAfter) {
}
