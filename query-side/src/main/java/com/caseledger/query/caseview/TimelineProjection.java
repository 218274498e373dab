package com.caseledger.query.caseview;

import com.caseledger.events.CaseEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * A projection that keeps one folded {@link CaseTimeline} per case in its own table. Events of one case
 * arrive in order (Axon sequences them per aggregate); an event already folded changes nothing.
 */
public abstract class TimelineProjection {

    private final TimelineTable table;

    protected TimelineProjection(TimelineTable table) {
        this.table = table;
    }

    @EventHandler
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        CaseTimeline timeline = table.find(event.caseId()).orElseGet(CaseTimeline::new);
        if (timeline.apply(event, sequence)) {
            table.save(timeline);
        }
    }

    @ResetHandler
    public void beforeReplay() {
        table.deleteAll();
    }
}
