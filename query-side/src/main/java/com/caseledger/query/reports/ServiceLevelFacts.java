package com.caseledger.query.reports;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Every case's service-level facts, held in memory ({@link CasesByOpening}) in the order the cases were opened, so
 * a report adds up its period's cases without reading them from the database. Before each report, only the rows
 * written since the previous look are read from {@link ServiceLevelRepository}: a look reads every row written by a
 * transaction that had not finished when the previous look began, so a row committed late is never missed. When the
 * projection was reset or a rebuild switched its tables, the next look starts over.
 */
@Component
class ServiceLevelFacts {

    private final ServiceLevelRepository table;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final CasesByOpening held = new CasesByOpening();
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
            return report.apply(held.openedBetween(from, to));
        } finally {
            lock.readLock().unlock();
        }
    }

    private void catchUp() {
        lock.writeLock().lock();
        try {
            ServiceLevelRepository.Look look = table.look();
            if (look.resets() != previous.resets()) {
                held.clear();
                previous = ServiceLevelRepository.Look.NONE;
            }
            table.readWrittenSince(previous, held::keep);
            held.order();
            previous = look;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
