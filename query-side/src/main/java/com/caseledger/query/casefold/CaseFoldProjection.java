package com.caseledger.query.casefold;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.CustomerErased;
import com.caseledger.platform.database.StorableText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.Savepoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one projection of the read side: it folds every case's events into its {@link CaseTimeline}, stored once in
 * {@code projections.case_fold}, and hands the cases a batch changed to every {@link CaseFoldTable} (the case
 * view, the callers' worklist, the report facts) to write in the same transaction. Events of one case arrive in
 * order (Axon sequences them per aggregate); an event already folded changes nothing. A batch's cases are read in
 * one query when the batch commits, folded in memory and written in one batched statement per table. An erasure of a
 * customer replaces the personal texts in the folds of their cases (and the tables derived from them) with the
 * marker that the events themselves now read as.
 * <p>
 * A case whose fold or rows fail is parked ({@link CaseDeadLetters}): its events of the batch go to the dead-letter
 * queue, in the same transaction, and every other case of the batch is written. The batch's rows are written after a
 * savepoint; only when a batched statement fails are they written again case by case, each after a savepoint of its
 * own, to find the failing cases. A parked case's later events are parked without being folded until a retry folds
 * them, one by one, letting a failure roll back the retry.
 * <p>
 * Replays are what it is for: it writes only the read side's tables and sends no command, so a rebuild may fold every
 * event again. (Nothing on the read side sends commands; the automatic follow-up call is decided by the case itself.)
 */
@Component
@ProcessingGroup(CaseFoldProjection.NAME)
@AllowReplay
public class CaseFoldProjection {

    public static final String NAME = "case-fold";
    private static final String BATCH = CaseFoldProjection.class.getName() + ".batch";

    private final CaseFoldRepository folds;
    private final List<CaseFoldTable> tables;
    private final CaseDeadLetters deadLetters;
    private final JdbcTemplate jdbc;

    public CaseFoldProjection(CaseFoldRepository folds, List<CaseFoldTable> tables, CaseDeadLetters deadLetters,
                              JdbcTemplate jdbc) {
        this.folds = folds;
        this.tables = List.copyOf(tables);
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
    }

    /**
     * The same projection writing into another schema of the same tables and parking into another dead-letter queue:
     * a rebuild beside the live projections.
     */
    public CaseFoldProjection rebuiltIn(String schema, CaseDeadLetters deadLetters) {
        return new CaseFoldProjection(folds.rebuiltIn(schema),
                tables.stream().map(table -> table.rebuiltIn(schema)).toList(), deadLetters, jdbc);
    }

    @EventHandler
    public void on(CaseEvent event, @SequenceNumber long sequence, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        if (isRetry(unitOfWork)) {
            unitOfWork.getOrComputeResource(BATCH, key -> openRetry(unitOfWork)).add(event, sequence, message);
        } else if (!deadLetters.parkedBehind(event.caseId(), message)) {
            batchOf(unitOfWork).add(event, sequence, message);
        }
    }

    /** The customer's texts in the folds of their cases read as erased, like the events they were folded from. */
    @EventHandler
    public void on(CustomerErased event, UnitOfWork<?> unitOfWork) {
        batchOf(unitOfWork).erase(StorableText.of(event.customerId()));
    }

    private Batch batchOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(BATCH, key -> open(unitOfWork.root()));
    }

    @ResetHandler
    public void beforeReplay() {
        tables.forEach(CaseFoldTable::deleteAll);
        folds.deleteAll();
        deadLetters.replaying();
    }

    private static boolean isRetry(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getResource(DeadLetter.class.getName()) != null;
    }

    private Batch open(UnitOfWork<?> root) {
        Batch batch = new Batch(false);
        root.onPrepareCommit(u -> {
            Collection<CaseTimeline> folded = batch.fold(folds);
            if (folded.isEmpty()) {
                batch.failed.forEach((caseId, cause) -> deadLetters.park(caseId, batch.eventsOf(caseId), cause));
                return;
            }
            Savepoint beforeWrites = savepoint();
            try {
                batch.written = write(folded);
            } catch (RuntimeException failed) {
                rollBackTo(beforeWrites);
                batch.written = writeEachApart(folded, batch);
            }
            batch.failed.forEach((caseId, cause) -> deadLetters.park(caseId, batch.eventsOf(caseId), cause));
        });
        root.afterCommit(u -> {
            deadLetters.parked(batch.failed.keySet());
            tables.forEach(table -> table.committed(batch.written));
        });
        return batch;
    }

    /** One event of a parked case, folded again: a failure fails the retry, which leaves the event parked. */
    private Batch openRetry(UnitOfWork<?> unitOfWork) {
        Batch batch = new Batch(true);
        unitOfWork.onPrepareCommit(u -> batch.written = write(batch.fold(folds)));
        unitOfWork.afterCommit(u -> tables.forEach(table -> table.committed(batch.written)));
        return batch;
    }

    /** Writes the folds and every table's rows of them; a fold already stored at a newer version changes no table. */
    private List<CaseTimeline> write(Collection<CaseTimeline> folded) {
        List<CaseTimeline> written = folds.saveAll(folded);
        tables.forEach(table -> table.saveAll(written));
        return written;
    }

    /** Writes each case after a savepoint of its own; a case whose rows fail is rolled back and parked. */
    private List<CaseTimeline> writeEachApart(Collection<CaseTimeline> folded, Batch batch) {
        List<CaseTimeline> written = new ArrayList<>();
        for (CaseTimeline timeline : folded) {
            Savepoint beforeCase = savepoint();
            try {
                written.addAll(write(List.of(timeline)));
                release(beforeCase);
            } catch (RuntimeException failed) {
                rollBackTo(beforeCase);
                batch.failed.put(timeline.caseId(), failed);
            }
        }
        return written;
    }

    private Savepoint savepoint() {
        return jdbc.execute((ConnectionCallback<Savepoint>) Connection::setSavepoint);
    }

    private void rollBackTo(Savepoint savepoint) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.rollback(savepoint);
            return null;
        });
    }

    private void release(Savepoint savepoint) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.releaseSavepoint(savepoint);
            return null;
        });
    }

    /** What a batch handled, in order: events of cases and erasures of customers. */
    private sealed interface Step {
    }

    private record Handled(CaseEvent event, long sequence, EventMessage<?> message) implements Step {
    }

    private record Erasure(String customerId) implements Step {
    }

    private static final class Batch {
        /** A retry lets a failure fail it; a batch of the processor parks the failing case. */
        private final boolean retry;
        private final List<Step> steps = new ArrayList<>();
        /** Cases whose first event in this batch is not their first ever: their fold so far is stored. */
        private final Set<String> stored = new LinkedHashSet<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<String, CaseTimeline> changed = new LinkedHashMap<>();
        /** Cases whose fold or rows failed in this batch, with the cause: they are parked. */
        private final Map<String, Throwable> failed = new LinkedHashMap<>();
        private List<CaseTimeline> written = List.of();

        Batch(boolean retry) {
            this.retry = retry;
        }

        void add(CaseEvent event, long sequence, EventMessage<?> message) {
            steps.add(new Handled(event, sequence, message));
            // the first event of a case needs no read: a stored newer fold is never overwritten by an older one
            if (seen.add(event.caseId()) && sequence > 0) {
                stored.add(event.caseId());
            }
        }

        void erase(String customerId) {
            steps.add(new Erasure(customerId));
        }

        Collection<CaseTimeline> fold(CaseFoldRepository folds) {
            Map<String, CaseTimeline> timelines = new HashMap<>(folds.findAll(stored));
            for (Step step : steps) {
                if (step instanceof Erasure erasure) {
                    erase(erasure.customerId(), timelines, folds);
                    continue;
                }
                Handled handled = (Handled) step;
                String caseId = handled.event().caseId();
                if (failed.containsKey(caseId)) {
                    continue;
                }
                CaseTimeline timeline = timelines.computeIfAbsent(caseId, id -> new CaseTimeline());
                try {
                    if (timeline.apply(handled.event(), handled.sequence())) {
                        changed.put(caseId, timeline);
                    }
                } catch (RuntimeException foldFailed) {
                    if (retry) {
                        throw foldFailed;
                    }
                    failed.put(caseId, foldFailed);
                    changed.remove(caseId);
                }
            }
            return List.copyOf(changed.values());
        }

        List<EventMessage<?>> eventsOf(String caseId) {
            return steps.stream()
                    .filter(step -> step instanceof Handled handled && handled.event().caseId().equals(caseId))
                    .<EventMessage<?>>map(step -> ((Handled) step).message())
                    .toList();
        }

        /**
         * Erases the customer's texts in the folds as they stand at this point of the batch: events of the batch
         * before the erasure are in them, events after it (text the customer gave again, under a new key) are not.
         */
        private void erase(String customerId, Map<String, CaseTimeline> timelines, CaseFoldRepository folds) {
            folds.findAllOfCustomer(customerId).forEach(timelines::putIfAbsent);
            timelines.forEach((caseId, timeline) -> {
                if (!failed.containsKey(caseId) && customerId.equals(StorableText.of(timeline.customerId()))) {
                    timeline.erasePersonalData();
                    changed.put(caseId, timeline);
                }
            });
        }
    }
}
