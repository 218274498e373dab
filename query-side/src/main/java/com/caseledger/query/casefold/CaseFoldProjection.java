package com.caseledger.query.casefold;

import com.caseledger.events.CaseEvent;
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
 * one query when the batch commits, folded in memory and written in one batched statement per table.
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
        unitOfWork.root().getOrComputeResource(BATCH, key -> open(unitOfWork.root())).add(event, sequence);
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

    private record Handled(CaseEvent event, long sequence) {
    }

    private static final class Batch {
        private final List<Handled> events = new ArrayList<>();
        /** Cases whose first event in this batch is not their first ever: their fold so far is stored. */
        private final Set<String> stored = new LinkedHashSet<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<String, CaseTimeline> changed = new LinkedHashMap<>();
        private List<CaseTimeline> written = List.of();

        void add(CaseEvent event, long sequence) {
            events.add(new Handled(event, sequence));
            // the first event of a case needs no read: a stored newer fold is never overwritten by an older one
            if (seen.add(event.caseId()) && sequence > 0) {
                stored.add(event.caseId());
            }
        }

        Collection<CaseTimeline> fold(CaseFoldRepository folds) {
            Map<String, CaseTimeline> timelines = new HashMap<>(folds.findAll(stored));
            for (Handled handled : events) {
                CaseTimeline timeline = timelines.computeIfAbsent(handled.event().caseId(), caseId -> new CaseTimeline());
                if (timeline.apply(handled.event(), handled.sequence())) {
                    changed.put(handled.event().caseId(), timeline);
                }
            }
            return changed.values();
        }
    }
}
