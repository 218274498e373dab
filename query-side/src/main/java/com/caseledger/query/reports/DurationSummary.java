package com.caseledger.query.reports;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Count, mean, median and p90 of a duration metric in whole seconds. Percentiles are nearest-rank: the
 * smallest value v with at least p% of the values at or below v. The mean is rounded half up to a second.
 * With no values, every figure but the count is null.
 */
public record DurationSummary(long count,
                              @Schema(nullable = true, description = "null when count is 0") Long meanSeconds,
                              @Schema(nullable = true, description = "null when count is 0") Long medianSeconds,
                              @Schema(nullable = true, description = "null when count is 0") Long p90Seconds) {

    static final DurationSummary NONE = new DurationSummary(0, null, null, null);
}
