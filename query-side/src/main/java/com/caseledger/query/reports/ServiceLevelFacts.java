package com.caseledger.query.reports;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Every case's service-level facts, held in memory ({@link CaseFactColumns}) in the order the cases were opened, so
 * a report adds up its period's cases without reading them from the database. Before each report, only the rows
 * written since the previous look are read from {@link ServiceLevelRepository}: a look reads every row written by a
 * transaction that had not finished when the previous look began, so a row committed late is never missed. When the
 * projection was reset (a rebuild), the next look starts over.
 */
@Component
class ServiceLevelFacts {

    private final ServiceLevelRepository table;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final CaseFactColumns columns = new CaseFactColumns();
    private final Map<String, Integer> places = new HashMap<>();
    /**
     * The places of the cases in the order they were opened: rows arrive in that order, so this is mostly the places
     * themselves one after another; it is sorted again when a case arrives out of that order.
     */
    private int[] byOpening = new int[0];
    private boolean unsorted;
    private ServiceLevelRepository.Look previous = ServiceLevelRepository.Look.NONE;

    ServiceLevelFacts(ServiceLevelRepository table) {
        this.table = table;
    }

    /**
     * Lends the facts of the cases opened in [from, to), as the table holds them now, to a report's arithmetic; they
     * are not changed until it answers.
     */
    <R> R openedBetween(Instant from, Instant to, Function<OpenedCases, R> report) {
        catchUp();
        lock.readLock().lock();
        try {
            int first = firstOpenedAtOrAfter(CaseFacts.micros(from));
            int end = firstOpenedAtOrAfter(CaseFacts.micros(to));
            return report.apply(new OpenedCases(columns, byOpening, first, end));
        } finally {
            lock.readLock().unlock();
        }
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

    private void catchUp() {
        lock.writeLock().lock();
        try {
            ServiceLevelRepository.Look look = table.look();
            if (look.resets() != previous.resets()) {
                columns.clear();
                places.clear();
                previous = ServiceLevelRepository.Look.NONE;
            }
            table.readWrittenSince(previous, this::keep);
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
            previous = look;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A case keeps its place when its facts change (its opening never moves); a new one takes the next. */
    private void keep(CaseFacts facts) {
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
}
