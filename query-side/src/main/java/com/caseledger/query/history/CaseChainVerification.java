package com.caseledger.query.history;

import com.caseledger.platform.ledger.BrokenLink;
import com.caseledger.platform.ledger.ChainVerification;
import com.caseledger.platform.ledger.PayloadRewrite;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

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
                                    BrokenLink firstBrokenLink,
                                    @Schema(description = "payloads the store rewrote in place (the sealing of text "
                                            + "recorded in clear, which recomputes the chain), oldest first")
                                    List<PayloadRewrite> rewrites) {

    static CaseChainVerification of(ChainVerification chain, List<PayloadRewrite> rewrites) {
        BrokenLink broken = chain.firstBrokenLink();
        return new CaseChainVerification(chain.streamId(), chain.events(), chain.valid(), chain.validUpTo(),
                broken == null ? null : broken.sequence(), broken, rewrites);
    }
}
