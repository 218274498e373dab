package com.caseledger.query.reports;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Cases' service-level facts held in {@link CaseFactColumns} in the order the cases were opened, so that the cases
 * opened in a period are one stretch of that order. The live report keeps every case here ({@link ServiceLevelFacts});
 * a report as of an instant keeps the cases of its period, folded from the store. Not thread-safe: its owner guards
 * it.
 */
final class CasesByOpening {

    private final CaseFactColumns columns = new CaseFactColumns();
    private final Map<String, Integer> places = new HashMap<>();
    /**
     * The places of the cases in the order they were opened: cases mostly arrive in that order, so this is mostly the
     * places themselves one after another; it is sorted again ({@link #order()}) when a case arrived out of order.
     */
    private int[] byOpening = new int[0];
    private boolean unsorted;

    /** A case keeps its place when its facts change (its opening never moves); a new one takes the next. */
    void keep(CaseFacts facts) {
        Integer place = places.get(facts.caseId());
        if (place != null) {
            columns.put(place, facts);
            return;
        }
        int next = columns.size;
        if (next > 0 && !unsorted) {
            int last = byOpening[next - 1];
            int order = Long.compare(facts.openedAt(), columns.openedAt[last]);
            unsorted = order < 0 || order == 0 && facts.caseId().compareTo(columns.caseId[last]) < 0;
        }
        columns.put(next, facts);
        places.put(facts.caseId(), next);
        if (!unsorted) {
            if (byOpening.length <= next) {
                byOpening = Arrays.copyOf(byOpening, Math.max(1024, byOpening.length * 3 / 2));
            }
            byOpening[next] = next;
        }
    }

    /** Puts the cases kept since the last call in their order of opening, before they are read. */
    void order() {
        if (byOpening.length < columns.size) {
            byOpening = Arrays.copyOf(byOpening, Math.max(columns.size, byOpening.length * 3 / 2));
        }
        if (unsorted) {
            Integer[] sorted = new Integer[columns.size];
            Arrays.setAll(sorted, place -> place);
            Arrays.sort(sorted, Comparator.<Integer>comparingLong(place -> columns.openedAt[place])
                    .thenComparing(place -> columns.caseId[place]));
            Arrays.setAll(byOpening, position -> position < sorted.length ? sorted[position] : 0);
            unsorted = false;
        }
    }

    void clear() {
        columns.clear();
        places.clear();
    }

    /** The cases opened in [from, to), valid until the next change. */
    OpenedCases openedBetween(Instant from, Instant to) {
        int first = firstOpenedAtOrAfter(CaseFacts.micros(from));
        int end = firstOpenedAtOrAfter(CaseFacts.micros(to));
        return new OpenedCases(columns, byOpening, first, end);
    }

    private int firstOpenedAtOrAfter(long micros) {
        int low = 0;
        int high = columns.size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (columns.openedAt[byOpening[middle]] < micros) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
