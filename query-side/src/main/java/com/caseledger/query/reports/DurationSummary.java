package com.caseledger.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Count, mean, median and p90 of a duration metric in whole seconds. Percentiles are nearest-rank: the
 * smallest value v with at least p% of the values at or below v. The mean is rounded half up to a second.
 * With no values, every figure but the count is null.
 */
public record DurationSummary(long count, Long meanSeconds, Long medianSeconds, Long p90Seconds) {

    public static DurationSummary of(List<Long> values) {
        if (values.isEmpty()) {
            return new DurationSummary(0, null, null, null);
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        BigDecimal sum = BigDecimal.ZERO;
        for (long value : sorted) {
            sum = sum.add(BigDecimal.valueOf(value));
        }
        long mean = sum.divide(BigDecimal.valueOf(sorted.length), 0, RoundingMode.HALF_UP).longValueExact();
        return new DurationSummary(sorted.length, mean, nearestRank(sorted, 50), nearestRank(sorted, 90));
    }

    static long nearestRank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
