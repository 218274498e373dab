package com.caseledger.query.caseview;

import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.platform.web.Problems;
import com.caseledger.events.CaseEvent;
import com.caseledger.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** What a case looked like at any instant, folded straight from the event store for auditors. */
@RestController
@Tag(name = "Auditing")
public class CaseStateController {

    /** Read from the first event, never from a snapshot: snapshots speed up commands, they are not history. */
    private static final long FIRST_SEQUENCE = 0;

    private final EventStore eventStore;

    public CaseStateController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping(path = "/api/cases/{caseId}/state", produces = "application/json")
    @Operation(summary = "The case view as it stood at instant asOf (events that occurred at or before it; SLA targets as "
            + "they stood at asOf)")
    public CaseView stateAsOf(@PathVariable String caseId,
                              @Parameter(description = "the instant to look back to") @RequestParam Instant asOf) {
        CaseTimeline timeline = new CaseTimeline();
        boolean known = false;
        DomainEventStream events = eventStore.readEvents(caseId, FIRST_SEQUENCE);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            known = true;
            if (message.getPayload() instanceof CaseEvent event && !event.occurredAt().isAfter(asOf)) {
                timeline.apply(event, message.getSequenceNumber());
            }
        }
        if (!known) {
            throw new NotFoundException("No case " + Problems.echo(caseId) + " exists.");
        }
        if (!timeline.exists()) {
            throw new NotFoundException("Case " + Problems.echo(caseId) + " was not yet opened at " + asOf + ".");
        }
        return CaseView.of(timeline, asOf);
    }
}
