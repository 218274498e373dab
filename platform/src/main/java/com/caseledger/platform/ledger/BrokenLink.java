package com.caseledger.platform.ledger;

/**
 * Where a stream's chain breaks: the event whose stored hash is not what its stored columns and its predecessor give
 * (hashes in lower-case hex; {@code storedHash} null when the event has none), or that follows a missing sequence.
 */
public record BrokenLink(long sequence, String eventId, String reason, String expectedHash, String storedHash) {

    public static final String HASH_MISMATCH = "hash does not match what is stored";
    public static final String SEQUENCE_GAP = "sequence gap";
    public static final String MISSING_HASH = "missing hash";
}
