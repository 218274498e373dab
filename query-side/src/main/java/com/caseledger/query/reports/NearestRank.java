package com.caseledger.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A duration metric's summary from its values: the mean rounded half up, and the median and p90 by the nearest-rank
 * method of DOMAIN.md (the smallest value v with at least p% of the values at or below v), exact. Both ranks are found
 * by counting the values into buckets of equal width (up to 2,048, fewer for fewer values), then looking only among
 * the values of the buckets that hold the ranks, with narrower buckets, until the width is one: a few passes that read
 * the values in order and neither move nor compare them against each other.
 */
final class NearestRank {

    private static final int MAX_BUCKET_BITS = 11;
    private static final int FEW = 32;

    private NearestRank() {
    }

    /** The summary of {@code values[from..to)}, whose sum is {@code sum}. */
    static DurationSummary summary(long[] values, int from, int to, long sum) {
        int count = to - from;
        if (count == 0) {
            return DurationSummary.NONE;
        }
        long mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
        int medianRank = rankIndex(50, count);
        int p90Rank = rankIndex(90, count);
        long[] found = new long[2];
        select(values, from, to, medianRank, p90Rank, found);
        return new DurationSummary(count, mean, found[0], found[1]);
    }

    /** Where the nearest-rank percentile sits among the sorted values: rank ceil(p% of count), from 1. */
    private static int rankIndex(int percent, int count) {
        return (int) Math.max(1, ((long) percent * count + 99) / 100) - 1;
    }

    /**
     * Puts into {@code found} the values that would be at {@code low} and {@code high} (ranks from 0, low <= high) if
     * {@code values[from..to)} were sorted.
     */
    private static void select(long[] values, int from, int to, int low, int high, long[] found) {
        int count = to - from;
        if (count <= FEW) {
            long[] sorted = Arrays.copyOfRange(values, from, to);
            Arrays.sort(sorted);
            found[0] = sorted[low];
            found[1] = sorted[high];
            return;
        }
        long min = values[from];
        long max = values[from];
        for (int i = from + 1; i < to; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        if (min == max) {
            found[0] = min;
            found[1] = min;
            return;
        }
        // (value - min) is read as unsigned: it fits whatever the values' range
        int bucketBits = Math.min(MAX_BUCKET_BITS, 32 - Integer.numberOfLeadingZeros(count) - 2);
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - bucketBits);
        int[] counts = new int[(int) ((max - min) >>> shift) + 1];
        for (int i = from; i < to; i++) {
            counts[(int) ((values[i] - min) >>> shift)]++;
        }
        int lowBucket = bucketOf(counts, low);
        int highBucket = bucketOf(counts, high);
        int belowLow = countBelow(counts, lowBucket);
        long[] lowValues = valuesIn(values, from, to, min, shift, lowBucket, counts[lowBucket]);
        if (lowBucket == highBucket) {
            select(lowValues, 0, lowValues.length, low - belowLow, high - belowLow, found);
            return;
        }
        long[] pair = new long[2];
        select(lowValues, 0, lowValues.length, low - belowLow, low - belowLow, pair);
        found[0] = pair[0];
        long[] highValues = valuesIn(values, from, to, min, shift, highBucket, counts[highBucket]);
        int belowHigh = countBelow(counts, highBucket);
        select(highValues, 0, highValues.length, high - belowHigh, high - belowHigh, pair);
        found[1] = pair[0];
    }

    private static int bucketOf(int[] counts, int rank) {
        int seen = 0;
        for (int bucket = 0; ; bucket++) {
            seen += counts[bucket];
            if (seen > rank) {
                return bucket;
            }
        }
    }

    private static int countBelow(int[] counts, int bucket) {
        int below = 0;
        for (int earlier = 0; earlier < bucket; earlier++) {
            below += counts[earlier];
        }
        return below;
    }

    private static long[] valuesIn(long[] values, int from, int to, long min, int shift, int bucket, int count) {
        long[] in = new long[count];
        int next = 0;
        for (int i = from; i < to; i++) {
            if ((int) ((values[i] - min) >>> shift) == bucket) {
                in[next++] = values[i];
            }
        }
        return in;
    }
}
