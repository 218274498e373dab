package com.caseledger.query.history;

import com.caseledger.platform.ledger.BrokenLink;
import com.caseledger.platform.ledger.ChainVerification;
import io.swagger.v3.oas.annotations.media.Schema;

/** A case's chain of events as recomputed from the store: valid, or where it first breaks. */
public record CaseChainVerification(String caseId,
                                    @Schema(description = "the events stored for the case") long events,
                                    boolean valid,
                                    @Schema(description = "the last sequence up to which every link holds; -1 if "
                                            + "none does")
                                    long validUpTo,
                                    @Schema(nullable = true, description = "the sequence of the first broken link; "
                                            + "null when the chain is valid")
                                    Long firstBrokenSequence,
                                    @Schema(nullable = true, description = "the first broken link; null when the chain "
                                            + "is valid")
                                    BrokenLink firstBrokenLink) {

    static CaseChainVerification of(ChainVerification chain) {
        BrokenLink broken = chain.firstBrokenLink();
        return new CaseChainVerification(chain.streamId(), chain.events(), chain.valid(), chain.validUpTo(),
                broken == null ? null : broken.sequence(), broken);
    }
}
