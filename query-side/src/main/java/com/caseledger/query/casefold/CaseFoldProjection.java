package com.caseledger.query.casefold;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.CustomerErased;
import com.caseledger.platform.database.StorableText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

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
 */
@Component
@ProcessingGroup(CaseFoldProjection.NAME)
public class CaseFoldProjection {

    public static final String NAME = "case-fold";
    private static final String BATCH = CaseFoldProjection.class.getName() + ".batch";

    private final CaseFoldRepository folds;
    private final List<CaseFoldTable> tables;

    public CaseFoldProjection(CaseFoldRepository folds, List<CaseFoldTable> tables) {
        this.folds = folds;
        this.tables = List.copyOf(tables);
    }

    @EventHandler
    public void on(CaseEvent event, @SequenceNumber long sequence, UnitOfWork<?> unitOfWork) {
        batchOf(unitOfWork).add(event, sequence);
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
    }

    private Batch open(UnitOfWork<?> root) {
        Batch batch = new Batch();
        root.onPrepareCommit(u -> {
            // a fold already stored at a newer version (a replay without a reset) changes no table derived from it
            batch.written = folds.saveAll(batch.fold(folds));
            tables.forEach(table -> table.saveAll(batch.written));
        });
        root.afterCommit(u -> tables.forEach(table -> table.committed(batch.written)));
        return batch;
    }

    /** What a batch handled, in order: events of cases and erasures of customers. */
    private sealed interface Step {
    }

    private record Handled(CaseEvent event, long sequence) implements Step {
    }

    private record Erasure(String customerId) implements Step {
    }

    private static final class Batch {
        private final List<Step> steps = new ArrayList<>();
        /** Cases whose first event in this batch is not their first ever: their fold so far is stored. */
        private final Set<String> stored = new LinkedHashSet<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<String, CaseTimeline> changed = new LinkedHashMap<>();
        private List<CaseTimeline> written = List.of();

        void add(CaseEvent event, long sequence) {
            steps.add(new Handled(event, sequence));
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
                CaseTimeline timeline = timelines.computeIfAbsent(handled.event().caseId(), caseId -> new CaseTimeline());
                if (timeline.apply(handled.event(), handled.sequence())) {
                    changed.put(handled.event().caseId(), timeline);
                }
            }
            return changed.values();
        }

        /**
         * Erases the customer's texts in the folds as they stand at this point of the batch: events of the batch
         * before the erasure are in them, events after it (text the customer gave again, under a new key) are not.
         */
        private void erase(String customerId, Map<String, CaseTimeline> timelines, CaseFoldRepository folds) {
            folds.findAllOfCustomer(customerId).forEach(timelines::putIfAbsent);
            timelines.forEach((caseId, timeline) -> {
                if (customerId.equals(StorableText.of(timeline.customerId()))) {
                    timeline.erasePersonalData();
                    changed.put(caseId, timeline);
                }
            });
        }
    }
}
