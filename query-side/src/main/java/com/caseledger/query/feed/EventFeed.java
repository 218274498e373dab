package com.caseledger.query.feed;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.EventMetadata;
import com.caseledger.platform.personaldata.PersonalDataKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the event store in its global order for the export feed, from a cursor on, without touching the
 * projections. Positions a concurrent transaction has taken but not yet committed are remembered in the cursor
 * (Axon's gap-aware positions), so a reader that follows the cursor sees every event exactly once. It reads the JDBC
 * store's engine, so a node whose events are in Axon Server has no feed.
 */
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Component
public class EventFeed {

    /** A page filtered by type or case looks at no more events than this, so that every answer is quick. */
    static final int MAX_SCANNED = 10_000;

    private final EventStorageEngine store;
    private final ObjectMapper json;
    private final FeedExport export;

    public EventFeed(EventStorageEngine store, ObjectMapper json, PersonalDataKeys keys) {
        this.store = store;
        this.json = json;
        this.export = new FeedExport(store, keys, json.getFactory());
    }

    FeedPage page(TrackingToken after, int limit, FeedFilter filter) {
        List<FeedEvent> events = new ArrayList<>();
        TrackingToken position = after;
        boolean more;
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(after, false)) {
            Iterator<? extends TrackedEventMessage<?>> recorded = stream.iterator();
            int scanned = 0;
            while (events.size() < limit && scanned < MAX_SCANNED && recorded.hasNext()) {
                TrackedEventMessage<?> message = recorded.next();
                scanned++;
                position = message.trackingToken();
                if (message instanceof DomainEventMessage<?> event && filter.matches(event)) {
                    events.add(entry(event, position));
                }
            }
            more = recorded.hasNext();
        }
        return new FeedPage(events, position == null ? null : FeedCursor.write(position), !more);
    }

    /** Every event after the cursor up to the newest, a line of NDJSON each, for a bulk export. */
    void export(TrackingToken after, FeedFilter filter, OutputStream out) throws IOException {
        export.write(after, filter, out);
    }

    private FeedEvent entry(DomainEventMessage<?> event, TrackingToken position) {
        MetaData metaData = event.getMetaData();
        Object payload = event.getPayload();
        return new FeedEvent(FeedCursor.write(position), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), event.getPayloadType().getSimpleName(),
                payload instanceof CaseEvent caseEvent ? caseEvent.occurredAt() : event.getTimestamp(),
                event.getTimestamp(), text(metaData.get(EventMetadata.ACTOR)),
                text(metaData.get(EventMetadata.CAUSED_BY)), text(metaData.get(EventMetadata.IMPORTED_BY)),
                text(metaData.get(EventMetadata.CORRELATION_ID)), text(metaData.get(EventMetadata.CAUSATION_ID)),
                json.valueToTree(payload));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
