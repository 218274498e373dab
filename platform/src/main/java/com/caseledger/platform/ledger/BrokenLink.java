package com.caseledger.platform.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a stream's chain breaks: the event whose stored hash is not what its stored columns and its predecessor give
 * (hashes in lower-case hex; {@code storedHash} null when the event has none), or that follows a missing sequence.
 */
public record BrokenLink(long sequence, String eventId,
                         @Schema(allowableValues = {HASH_MISMATCH, SEQUENCE_GAP, MISSING_HASH}) String reason,
                         @Schema(description = "SHA-256 of the stored columns and the previous event's stored hash, hex")
                         String expectedHash,
                         @Schema(nullable = true, description = "the hash stored with the event, hex; null if none")
                         String storedHash) {

    public static final String HASH_MISMATCH = "hash does not match what is stored";
    public static final String SEQUENCE_GAP = "sequence gap";
    public static final String MISSING_HASH = "missing hash";
}
