package com.caseledger.query.history;

import com.caseledger.platform.ledger.EventChainVerifier;
import com.caseledger.platform.web.NotFoundException;
import com.caseledger.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors: a case's chain of events recomputed from what the store holds. */
@RestController
@Tag(name = "Auditing", description = "The recorded history of cases")
public class CaseChainController {

    private final EventChainVerifier verifier;

    public CaseChainController(EventChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping(path = "/api/cases/{caseId}/verify", produces = "application/json")
    @Operation(summary = "Recomputes the case's chain of event hashes from the store and names its first broken link")
    public CaseChainVerification verify(@PathVariable String caseId) {
        return verifier.verify(caseId).map(chain -> CaseChainVerification.of(chain, verifier.rewrites(caseId)))
                .orElseThrow(() -> new NotFoundException("No case " + Problems.echo(caseId) + " exists."));
    }
}
