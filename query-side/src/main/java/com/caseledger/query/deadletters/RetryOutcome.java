package com.caseledger.query.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a retry of a parked case did. */
public record RetryOutcome(String caseId,
                           @Schema(description = "true when every parked event of the case was folded into its views")
                           boolean cleared,
                           @Schema(nullable = true, description = "the events still parked, the first with the cause of "
                                   + "this retry's failure; null when cleared")
                           ParkedCase parked) {
}
