package com.caseledger.query.reports;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every case's service-level facts, held in memory in the order the cases were opened, so a report adds up its
 * period's cases without reading them from the database. Before each report, only the rows written since the
 * previous look are read from {@link ServiceLevelRepository}: a look reads every row written by a transaction that
 * had not finished when the previous look began, so a row committed late is never missed. When the projection was
 * reset (a rebuild), the next look starts over.
 */
@Component
class ServiceLevelFacts {

    private static final Comparator<CaseFacts> OPENING = Comparator.comparingLong(CaseFacts::openedAt)
            .thenComparing(CaseFacts::caseId);
    private static final CaseFacts[] NONE = new CaseFacts[0];

    private final ServiceLevelRepository table;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Every case in the order it was opened; cases opened out of order are sorted in before the next read. */
    private final List<CaseFacts> byOpening = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private boolean unsorted;
    private final Map<String, String> agentIds = new HashMap<>();
    private ServiceLevelRepository.Look previous = ServiceLevelRepository.Look.NONE;

    ServiceLevelFacts(ServiceLevelRepository table) {
        this.table = table;
    }

    /** The facts of the cases opened in [from, to), in the order they were opened, as the table holds them now. */
    List<CaseFacts> openedBetween(Instant from, Instant to) {
        catchUp();
        lock.readLock().lock();
        try {
            int first = firstOpenedAtOrAfter(CaseFacts.micros(from));
            int end = firstOpenedAtOrAfter(CaseFacts.micros(to));
            return first >= end ? List.of() : Arrays.asList(byOpening.subList(first, end).toArray(NONE));
        } finally {
            lock.readLock().unlock();
        }
    }

    private int firstOpenedAtOrAfter(long micros) {
        int low = 0;
        int high = byOpening.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byOpening.get(middle).openedAt() < micros) {
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
                byOpening.clear();
                positions.clear();
                agentIds.clear();
                previous = ServiceLevelRepository.Look.NONE;
            }
            // one string per agent, however many cases they worked
            table.readWrittenSince(previous, agentId -> agentIds.computeIfAbsent(agentId, id -> id), this::keep);
            if (unsorted) {
                byOpening.sort(OPENING);
                for (int position = 0; position < byOpening.size(); position++) {
                    positions.put(byOpening.get(position).caseId(), position);
                }
                unsorted = false;
            }
            previous = look;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void keep(CaseFacts facts) {
        // a case's opening never moves: a case seen before keeps its place
        Integer position = positions.get(facts.caseId());
        if (position != null) {
            byOpening.set(position, facts);
            return;
        }
        if (!byOpening.isEmpty() && OPENING.compare(facts, byOpening.get(byOpening.size() - 1)) < 0) {
            unsorted = true;
        }
        positions.put(facts.caseId(), byOpening.size());
        byOpening.add(facts);
    }
}
