package com.caseledger.command.sla;

import com.caseledger.events.EventMetadata;
import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaDefinitionEvent;
import com.caseledger.events.sla.SlaDefinitions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA definitions' changes, read from the event store itself (they are few), and the definitions any instant saw:
 * the fold of the changes recorded up to it. Reads see every change that was answered, with no projection to wait for.
 */
@Component
public class SlaDefinitionHistory implements SlaPolicyCatalog {

    private final EventStore eventStore;

    public SlaDefinitionHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Up to {@code limit} changes after the one at {@code afterSequence} (-1: from the first), oldest first. */
    public List<RecordedSlaChange> changes(long afterSequence, int limit) {
        List<RecordedSlaChange> changes = new ArrayList<>();
        DomainEventStream events = eventStore.readEvents(SlaDefinitionEvent.STREAM, afterSequence + 1);
        while (changes.size() < limit && events.hasNext()) {
            changes.add(recorded(events.next()));
        }
        return changes;
    }

    /** The definitions in force now, as every change answered so far left them. */
    public DefinitionsAt current() {
        return asOf(Instant.MAX);
    }

    @Override
    public SlaDefinitions definitionsInForce() {
        return current().definitions();
    }

    /** The definitions as the changes recorded at or before {@code asOf} left them, and who made each one last. */
    public DefinitionsAt asOf(Instant asOf) {
        SlaDefinitions definitions = new SlaDefinitions();
        Map<String, RecordedSlaChange> latest = new HashMap<>();
        DomainEventStream events = eventStore.readEvents(SlaDefinitionEvent.STREAM, 0);
        while (events.hasNext()) {
            RecordedSlaChange change = recorded(events.next());
            if (change.recordedAt().isAfter(asOf)) {
                break;
            }
            definitions.apply(change.event());
            latest.put(key(change.event()), change);
        }
        return new DefinitionsAt(definitions, latest);
    }

    /** Definitions at an instant, with the change that made each calendar and policy what it is. */
    public record DefinitionsAt(SlaDefinitions definitions, Map<String, RecordedSlaChange> latestChanges) {

        public RecordedSlaChange latestChange(SlaDefinitionEvent event) {
            return latestChanges.get(key(event));
        }
    }

    /** Calendars and policies have separate ids: a calendar may share its id with a policy. */
    private static String key(SlaDefinitionEvent event) {
        return (event instanceof SlaCalendarDefined ? "calendar:" : "policy:") + event.definitionId();
    }

    private static RecordedSlaChange recorded(DomainEventMessage<?> message) {
        MetaData metaData = message.getMetaData();
        return new RecordedSlaChange(message.getSequenceNumber(), message.getIdentifier(),
                (SlaDefinitionEvent) message.getPayload(), message.getTimestamp(),
                text(metaData.get(EventMetadata.ACTOR)), text(metaData.get(EventMetadata.CAUSED_BY)),
                text(metaData.get(EventMetadata.CORRELATION_ID)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
