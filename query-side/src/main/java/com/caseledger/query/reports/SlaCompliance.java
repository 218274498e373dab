package com.caseledger.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * SLA compliance per kind of target, as DOMAIN.md defines it: targets met / (targets met + targets breached), each
 * target counted once with its latest outcome (a resolution target met, then breached after a reopen, counts as
 * breached; each next reply wait is a target of its own). Null for a kind without a target decided either way.
 */
@Schema(description = "SLA compliance per kind of target: targets whose latest outcome is MET / (MET + BREACHED), "
        + "over the cohort's cases; each next reply wait is a target of its own; null for a kind without a decided target")
public record SlaCompliance(
        @Schema(nullable = true, minimum = "0", maximum = "1", description = "first reply targets met / decided")
        Double firstReply,
        @Schema(nullable = true, minimum = "0", maximum = "1",
                description = "next reply targets (one per wait for a reply) met / decided") Double nextReply,
        @Schema(nullable = true, minimum = "0", maximum = "1", description = "resolution targets met / decided")
        Double resolution) {

    static SlaCompliance of(CohortFigures figures) {
        return new SlaCompliance(rate(figures.firstReplyTargets()), rate(figures.nextReplyTargets()),
                rate(figures.resolutionTargets()));
    }

    private static Double rate(CohortFigures.SlaTargets targets) {
        long decided = targets.met() + targets.breached();
        return decided == 0 ? null : (double) targets.met() / decided;
    }
}
