package com.caseledger.query.caseview;

import com.caseledger.events.CaseEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection that keeps one folded {@link CaseTimeline} per case in its own table. Events of one case arrive
 * in order (Axon sequences them per aggregate); an event already folded changes nothing. The cases a batch of
 * events touches are read once, folded in memory and written together, in the batch's transaction, so a rebuild
 * costs a few statements per case rather than per event.
 */
public abstract class TimelineProjection {

    private final TimelineTable table;
    private final String batchResource = getClass().getName() + ".batch";

    protected TimelineProjection(TimelineTable table) {
        this.table = table;
    }

    @EventHandler
    public void on(CaseEvent event, @SequenceNumber long sequence, UnitOfWork<?> unitOfWork) {
        Batch batch = unitOfWork.root().getOrComputeResource(batchResource, key -> open(unitOfWork.root()));
        CaseTimeline timeline = batch.loaded.get(event.caseId());
        if (timeline == null) {
            // the first event of a case needs no read: a stored newer fold is never overwritten by an older one
            timeline = sequence == 0 ? new CaseTimeline() : table.find(event.caseId()).orElseGet(CaseTimeline::new);
            batch.loaded.put(event.caseId(), timeline);
        }
        if (timeline.apply(event, sequence)) {
            batch.changed.put(event.caseId(), timeline);
        }
    }

    @ResetHandler
    public void beforeReplay() {
        table.deleteAll();
    }

    /** Called after a batch's changes are committed; the case view uses it to wake readers waiting for them. */
    protected void committed(Collection<CaseTimeline> timelines) {
    }

    private Batch open(UnitOfWork<?> root) {
        Batch batch = new Batch();
        root.onPrepareCommit(u -> table.saveAll(batch.changed.values()));
        root.afterCommit(u -> committed(List.copyOf(batch.changed.values())));
        return batch;
    }

    private static final class Batch {
        private final Map<String, CaseTimeline> loaded = new LinkedHashMap<>();
        private final Map<String, CaseTimeline> changed = new LinkedHashMap<>();
    }
}
