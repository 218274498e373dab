package com.caseledger.query.reports;

import com.caseledger.events.CaseType;
import com.caseledger.events.Money;
import com.caseledger.events.ServqualDimension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up the facts of a cohort's cases into the {@link CohortFigures} its metrics are computed from. */
final class CohortTally {

    private static final int GAP_SCALE = 16;

    private long opened;
    private long resolved;
    private long oneTouch;
    private long resolvedEver;
    private long reopened;
    private long complaints;
    private long backlog;
    private long refunded;
    private long callsCompleted;
    private long callsMissed;
    private long csatAnswers;
    private long csatSatisfied;
    private long npsAnswers;
    private long promoters;
    private long detractors;
    private final Durations firstReply = new Durations();
    private final Durations firstResolution = new Durations();
    private final Durations fullResolution = new Durations();
    private final Durations requesterWait = new Durations();
    private final long[] gapSums = new long[ServqualDimension.values().length];
    private final long[] gapAnswers = new long[ServqualDimension.values().length];
    private final Map<String, BigDecimal> refundedAmounts = new TreeMap<>();

    /**
     * Counts a case of the cohort; {@code inBacklogAtEnd} says whether it was neither RESOLVED nor CLOSED at the end
     * of the period.
     */
    void add(CaseFacts facts, boolean inBacklogAtEnd) {
        opened++;
        if (facts.resolvedNow()) {
            resolved++;
            if (facts.replies() < 2) {
                oneTouch++;
            }
        }
        if (facts.resolvedEver()) {
            resolvedEver++;
            if (facts.reopens() > 0) {
                reopened++;
            }
        }
        if (facts.type() == CaseType.COMPLAINT) {
            complaints++;
        }
        if (inBacklogAtEnd) {
            backlog++;
        }
        firstReply.add(facts.firstReplySeconds());
        firstResolution.add(facts.firstResolutionSeconds());
        fullResolution.add(facts.fullResolutionSeconds());
        requesterWait.add(facts.requesterWaitSeconds());
        if (facts.refunded()) {
            refunded++;
        }
        for (Money refund : facts.issuedRefunds()) {
            refundedAmounts.merge(refund.currency(), refund.amount(), BigDecimal::add);
        }
        callsCompleted += facts.followUpsCompleted();
        callsMissed += facts.followUpsMissed();
        if (facts.csat() != CaseFacts.NONE) {
            csatAnswers++;
            if (facts.csat() >= 4) {
                csatSatisfied++;
            }
        }
        if (facts.nps() != CaseFacts.NONE) {
            npsAnswers++;
            if (facts.nps() >= 9) {
                promoters++;
            } else if (facts.nps() <= 6) {
                detractors++;
            }
        }
        if (facts.servqualGaps() != null) {
            for (int dimension = 0; dimension < gapSums.length; dimension++) {
                int gap = facts.servqualGaps()[dimension];
                if (gap != CaseFacts.NONE) {
                    gapSums[dimension] += gap;
                    gapAnswers[dimension]++;
                }
            }
        }
    }

    /** Adds another part of the same cohort's tally to this one. */
    void merge(CohortTally other) {
        opened += other.opened;
        resolved += other.resolved;
        oneTouch += other.oneTouch;
        resolvedEver += other.resolvedEver;
        reopened += other.reopened;
        complaints += other.complaints;
        backlog += other.backlog;
        refunded += other.refunded;
        callsCompleted += other.callsCompleted;
        callsMissed += other.callsMissed;
        csatAnswers += other.csatAnswers;
        csatSatisfied += other.csatSatisfied;
        npsAnswers += other.npsAnswers;
        promoters += other.promoters;
        detractors += other.detractors;
        firstReply.merge(other.firstReply);
        firstResolution.merge(other.firstResolution);
        fullResolution.merge(other.fullResolution);
        requesterWait.merge(other.requesterWait);
        for (int dimension = 0; dimension < gapSums.length; dimension++) {
            gapSums[dimension] += other.gapSums[dimension];
            gapAnswers[dimension] += other.gapAnswers[dimension];
        }
        other.refundedAmounts.forEach((currency, amount) -> refundedAmounts.merge(currency, amount, BigDecimal::add));
    }

    CohortFigures figures() {
        Map<ServqualDimension, Double> gaps = new EnumMap<>(ServqualDimension.class);
        for (ServqualDimension dimension : ServqualDimension.values()) {
            long answers = gapAnswers[dimension.ordinal()];
            if (answers > 0) {
                gaps.put(dimension, BigDecimal.valueOf(gapSums[dimension.ordinal()])
                        .divide(BigDecimal.valueOf(answers), GAP_SCALE, RoundingMode.HALF_UP).doubleValue());
            }
        }
        List<Money> amounts = refundedAmounts.entrySet().stream()
                .map(sum -> new Money(sum.getValue(), sum.getKey())).toList();
        return new CohortFigures(opened, resolved, oneTouch, resolvedEver, reopened, complaints, backlog,
                firstReply.summary(), firstResolution.summary(), fullResolution.summary(), requesterWait.summary(),
                refunded, amounts, callsCompleted, callsMissed, csatAnswers, csatSatisfied, npsAnswers, promoters,
                detractors, gaps);
    }

    /** A duration metric's values: the mean rounded half up, median and p90 by nearest rank, all exact. */
    private static final class Durations {
        private long[] values = new long[16];
        private int count;
        private long sum;

        void add(long seconds) {
            if (seconds == CaseFacts.NONE) {
                return;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = seconds;
            sum += seconds;
        }

        void merge(Durations other) {
            if (count + other.count > values.length) {
                values = Arrays.copyOf(values, count + other.count);
            }
            System.arraycopy(other.values, 0, values, count, other.count);
            count += other.count;
            sum += other.sum;
        }

        DurationSummary summary() {
            if (count == 0) {
                return DurationSummary.NONE;
            }
            long mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
            long[] work = Arrays.copyOf(values, count);
            int medianIndex = rankIndex(50);
            int p90Index = rankIndex(90);
            long median = select(work, 0, count - 1, medianIndex);
            // selection leaves everything from the median's place on at or above it: the p90 is among those
            long p90 = select(work, medianIndex, count - 1, p90Index);
            return new DurationSummary(count, mean, median, p90);
        }

        /** Where the nearest-rank percentile sits among the sorted values: rank ceil(p% of count), from 1. */
        private int rankIndex(int percent) {
            return (int) Math.max(1, ((long) percent * count + 99) / 100) - 1;
        }

        /**
         * The value that would be at {@code index} if {@code values[low..high]} were sorted (quickselect, with the
         * middle of three as pivot); rearranges that range so nothing before {@code index} is larger.
         */
        private static long select(long[] values, int low, int high, int index) {
            while (low < high) {
                int middle = (low + high) >>> 1;
                long pivot = Math.max(Math.min(values[low], values[middle]),
                        Math.min(Math.max(values[low], values[middle]), values[high]));
                int left = low;
                int right = high;
                while (left <= right) {
                    while (values[left] < pivot) {
                        left++;
                    }
                    while (values[right] > pivot) {
                        right--;
                    }
                    if (left <= right) {
                        long swap = values[left];
                        values[left++] = values[right];
                        values[right--] = swap;
                    }
                }
                if (index <= right) {
                    high = right;
                } else if (index >= left) {
                    low = left;
                } else {
                    return values[index];
                }
            }
            return values[index];
        }
    }
}
