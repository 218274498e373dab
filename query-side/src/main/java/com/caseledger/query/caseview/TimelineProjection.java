package com.caseledger.query.caseview;

import com.caseledger.events.CaseEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.UnitOfWork;

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
 * A projection that keeps one folded {@link CaseTimeline} per case in its own table. Events of one case arrive
 * in order (Axon sequences them per aggregate); an event already folded changes nothing. A batch of events is
 * collected as it is handled and folded when the batch commits: the cases it touches are read in one query,
 * folded in memory and written in one batched statement, in the batch's transaction, so a rebuild costs two
 * statements per batch rather than several per event.
 */
public abstract class TimelineProjection {

    private final TimelineTable table;
    private final String batchResource = getClass().getName() + ".batch";

    protected TimelineProjection(TimelineTable table) {
        this.table = table;
    }

    @EventHandler
    public void on(CaseEvent event, @SequenceNumber long sequence, UnitOfWork<?> unitOfWork) {
        unitOfWork.root().getOrComputeResource(batchResource, key -> open(unitOfWork.root())).add(event, sequence);
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
        root.onPrepareCommit(u -> table.saveAll(batch.fold(table)));
        root.afterCommit(u -> committed(List.copyOf(batch.changed.values())));
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

        void add(CaseEvent event, long sequence) {
            events.add(new Handled(event, sequence));
            // the first event of a case needs no read: a stored newer fold is never overwritten by an older one
            if (seen.add(event.caseId()) && sequence > 0) {
                stored.add(event.caseId());
            }
        }

        Collection<CaseTimeline> fold(TimelineTable table) {
            Map<String, CaseTimeline> timelines = new HashMap<>(table.findAll(stored));
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
