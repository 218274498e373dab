package com.caseledger.query.history;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.EventMetadata;
import com.caseledger.platform.web.NotFoundException;
import com.caseledger.platform.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** A case's events with their metadata, oldest first, read from the event store itself. */
@RestController
@Tag(name = "Auditing", description = "The recorded history of cases")
public class CaseHistoryController {

    /** Read from the first event, never from a snapshot: snapshots speed up commands, they are not history. */
    private static final long FIRST_SEQUENCE = 0;

    private final EventStore eventStore;
    private final ObjectMapper json;

    public CaseHistoryController(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping(path = "/api/cases/{caseId}/history", produces = "application/json")
    @Operation(summary = "The case's recorded events, oldest first")
    public List<HistoryEntry> history(@PathVariable String caseId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(caseId, FIRST_SEQUENCE);
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            // other streams share the store (the SLA definitions): a case's history shows case events only
            if (message.getPayload() instanceof CaseEvent) {
                entries.add(entry(message));
            }
        }
        if (entries.isEmpty()) {
            throw new NotFoundException("No case " + Problems.echo(caseId) + " exists.");
        }
        return entries;
    }

    private HistoryEntry entry(DomainEventMessage<?> message) {
        MetaData metaData = message.getMetaData();
        Object payload = message.getPayload();
        return new HistoryEntry(message.getSequenceNumber(), message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                ((CaseEvent) payload).occurredAt(),
                message.getTimestamp(),
                text(metaData.get(EventMetadata.ACTOR)), text(metaData.get(EventMetadata.CAUSED_BY)),
                text(metaData.get(EventMetadata.IMPORTED_BY)), text(metaData.get(EventMetadata.CORRELATION_ID)),
                text(metaData.get(EventMetadata.CAUSATION_ID)),
                json.valueToTree(payload));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
