package com.caseledger.query.casefold;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One SLA target of a case as read at an instant.
 *
 * @param dueAt      when the target's time is used up; null while PAUSED. For a MET target, when it would have been
 *                   due had it not been met.
 * @param breachedAt the due instant of a BREACHED target; null otherwise
 */
public record SlaTargetView(
        @Schema(nullable = true, description = "when the target's working time is used up; null while PAUSED; for a "
                + "MET target, when it would have fallen due") Instant dueAt,
        SlaStatus status,
        @Schema(nullable = true, description = "the due instant that passed unmet; null unless BREACHED") Instant breachedAt) {
}
