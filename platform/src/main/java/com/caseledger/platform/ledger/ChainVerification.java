package com.caseledger.platform.ledger;

/**
 * A stream's chain as recomputed: how many events it holds, the last sequence up to which every link holds (-1 when
 * not even the first does), and the first broken link, null when the whole chain is valid.
 */
public record ChainVerification(String streamId, long events, long validUpTo, BrokenLink firstBrokenLink) {

    public boolean valid() {
        return firstBrokenLink == null;
    }
}
