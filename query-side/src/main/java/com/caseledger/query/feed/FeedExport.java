package com.caseledger.query.feed;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.EventMetadata;
import com.caseledger.events.PersonalData;
import com.caseledger.platform.personaldata.PersonalDataKeys;
import com.caseledger.platform.personaldata.SealedText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bulk export as NDJSON, written from the stored bytes: each event's payload is copied as the store holds it (after
 * the upcasters), token by token, with its personal texts opened (or {@link PersonalData#ERASED}), instead of being
 * read into the event's class and written again. A line is the same JSON object as the event in a page of the feed
 * ({@link FeedEvent}). The events are read by the storage engine, so gaps in the global index are tracked as for a page;
 * the keys of the customers of a thousand events at a time are read in one look.
 */
final class FeedExport {

    /** Events whose customers' keys are read in one look before they are written. */
    private static final int CHUNK = 1000;

    private final EventStorageEngine store;
    private final Serializer storedForm;
    private final PersonalDataKeys keys;
    private final JsonFactory factory;
    /** The payload properties that hold personal text, by payload class. */
    private final Map<Class<?>, Set<String>> personal = new ConcurrentHashMap<>();

    FeedExport(EventStorageEngine store, PersonalDataKeys keys, JsonFactory factory) {
        if (!(store instanceof AbstractEventStorageEngine engine)) {
            throw new IllegalStateException("The export reads a storage engine that keeps events serialized: " + store);
        }
        this.store = store;
        this.storedForm = engine.getEventSerializer();
        this.keys = keys;
        this.factory = factory;
    }

    /** Writes every event after the position that the filter lets through, a line each, up to the newest. */
    void write(TrackingToken after, FeedFilter filter, OutputStream out) throws IOException {
        try (JsonGenerator generator = factory.createGenerator(out);
             Stream<? extends TrackedEventMessage<?>> events = store.readEvents(after, false)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            Iterator<? extends TrackedEventMessage<?>> recorded = events.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(CHUNK);
            List<String> caseIds = new ArrayList<>(CHUNK);
            while (recorded.hasNext()) {
                TrackedEventMessage<?> message = recorded.next();
                if (message instanceof DomainEventMessage<?> event && filter.matches(event)) {
                    chunk.add(message);
                    caseIds.add(event.getAggregateIdentifier());
                }
                if (chunk.size() == CHUNK || !recorded.hasNext()) {
                    keys.prefetchForCases(caseIds);
                    for (TrackedEventMessage<?> written : chunk) {
                        line((DomainEventMessage<?>) written, written.trackingToken(), generator);
                    }
                    chunk.clear();
                    caseIds.clear();
                }
            }
        }
    }

    private void line(DomainEventMessage<?> event, TrackingToken position, JsonGenerator out) throws IOException {
        byte[] payload = event.serializePayload(storedForm, byte[].class).getData();
        Class<?> type = event.getPayloadType();
        Instant recordedAt = event.getTimestamp();
        MetaData metaData = event.getMetaData();
        out.writeStartObject();
        out.writeStringField("cursor", FeedCursor.write(position));
        out.writeStringField("caseId", event.getAggregateIdentifier());
        out.writeNumberField("sequence", event.getSequenceNumber());
        out.writeStringField("eventId", event.getIdentifier());
        out.writeStringField("type", type.getSimpleName());
        String occurredAt = CaseEvent.class.isAssignableFrom(type) ? occurredAt(payload) : null;
        out.writeStringField("occurredAt", occurredAt != null ? occurredAt : recordedAt.toString());
        out.writeStringField("recordedAt", recordedAt.toString());
        out.writeStringField("actor", text(metaData.get(EventMetadata.ACTOR)));
        out.writeStringField("causedBy", text(metaData.get(EventMetadata.CAUSED_BY)));
        out.writeStringField("importedBy", text(metaData.get(EventMetadata.IMPORTED_BY)));
        out.writeStringField("correlationId", text(metaData.get(EventMetadata.CORRELATION_ID)));
        out.writeStringField("causationId", text(metaData.get(EventMetadata.CAUSATION_ID)));
        out.writeFieldName("payload");
        copy(payload, personal.computeIfAbsent(type, FeedExport::personalProperties), out);
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** The payload's own {@code occurredAt}, as it is stored (the instant as text); null without one. */
    private String occurredAt(byte[] payload) throws IOException {
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("occurredAt") && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        }
    }

    /** Copies the payload, opening the personal texts among its properties. */
    private void copy(byte[] payload, Set<String> personalProperties, JsonGenerator out) throws IOException {
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                out.copyCurrentStructure(parser);
                return;
            }
            out.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                out.writeFieldName(name);
                if (value == JsonToken.VALUE_STRING && personalProperties.contains(name)) {
                    out.writeString(SealedText.read(parser.getText(), keys));
                } else {
                    out.copyCurrentStructure(parser);
                }
            }
            out.writeEndObject();
        }
    }

    private static Set<String> personalProperties(Class<?> type) {
        if (!type.isRecord()) {
            return Set.of();
        }
        return Arrays.stream(type.getRecordComponents())
                .filter(FeedExport::isPersonal)
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isPersonal(RecordComponent component) {
        return component.isAnnotationPresent(PersonalData.class)
                || component.getAccessor().isAnnotationPresent(PersonalData.class);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
