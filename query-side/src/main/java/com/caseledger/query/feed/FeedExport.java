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
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bulk export as NDJSON, written from the stored bytes: each event's payload is copied byte for byte as the store
 * holds it (after the upcasters, in the compact JSON the event serializer writes), but for its personal texts, written
 * opened (or {@link PersonalData#ERASED}), instead of being read into the event's class and written again. A line is the same JSON object as the event in a page of the feed
 * ({@link FeedEvent}). The events are read by the storage engine, so gaps in the global index are tracked as for a page;
 * the lines of a thousand events at a time are made by a worker, with the keys of their customers read in one look.
 */
final class FeedExport {

    /** The metadata a line shows, each under its own name, as {@link FeedEvent} has them. */
    private static final List<String> SHOWN_METADATA = List.of(EventMetadata.ACTOR, EventMetadata.CAUSED_BY,
            EventMetadata.IMPORTED_BY, EventMetadata.CORRELATION_ID, EventMetadata.CAUSATION_ID);
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    /** Events whose lines are made together, with their customers' keys read in one look. */
    private static final int CHUNK = 1000;
    /** Threads making lines, shared by the exports under way. */
    private static final int WORKERS = 2;

    private final EventStorageEngine store;
    private final Serializer storedForm;
    private final PersonalDataKeys keys;
    private final JsonFactory factory;
    /** The payload properties that hold personal text, by payload class. */
    private final Map<Class<?>, Set<String>> personal = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
        Thread thread = new Thread(runnable, "feed-export");
        thread.setDaemon(true);
        return thread;
    });

    FeedExport(EventStorageEngine store, PersonalDataKeys keys, JsonFactory factory) {
        if (!(store instanceof AbstractEventStorageEngine engine)) {
            throw new IllegalStateException("The export reads a storage engine that keeps events serialized: " + store);
        }
        this.store = store;
        this.storedForm = engine.getEventSerializer();
        this.keys = keys;
        this.factory = factory;
    }

    /**
     * Writes every event after the position that the filter lets through, a line each, up to the newest. This thread
     * reads the store and writes; the lines of each thousand events are made by the export's workers meanwhile, a few
     * thousands ahead at most.
     */
    void write(TrackingToken after, FeedFilter filter, OutputStream out) throws IOException {
        Deque<Future<byte[]>> ahead = new ArrayDeque<>();
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(after, false)) {
            Iterator<? extends TrackedEventMessage<?>> recorded = events.iterator();
            List<Recorded> chunk = new ArrayList<>(CHUNK);
            while (recorded.hasNext()) {
                TrackedEventMessage<?> message = recorded.next();
                if (message instanceof DomainEventMessage<?> event && filter.matches(event)) {
                    chunk.add(new Recorded(event, message.trackingToken()));
                }
                if (chunk.size() == CHUNK || (!recorded.hasNext() && !chunk.isEmpty())) {
                    List<Recorded> lines = List.copyOf(chunk);
                    ahead.add(workers.submit(() -> lines(lines)));
                    chunk.clear();
                    if (ahead.size() > WORKERS) {
                        out.write(made(ahead.poll()));
                    }
                }
            }
            while (!ahead.isEmpty()) {
                out.write(made(ahead.poll()));
            }
        } finally {
            ahead.forEach(lines -> lines.cancel(true));
        }
    }

    /** An event of the store with its position in the global order. */
    private record Recorded(DomainEventMessage<?> event, TrackingToken position) {
    }

    /** The lines of a chunk of events, with the keys of their customers read in one look. */
    private byte[] lines(List<Recorded> events) throws IOException {
        PersonalDataKeys atHand = keys.prefetchForCases(events.stream()
                .map(recorded -> recorded.event().getAggregateIdentifier()).toList());
        ByteArrayOutputStream lines = new ByteArrayOutputStream(events.size() * 600);
        try (JsonGenerator generator = factory.createGenerator(lines)) {
            generator.setRootValueSeparator(null);
            for (Recorded recorded : events) {
                line(recorded.event(), recorded.position(), atHand, generator, lines);
            }
        }
        return lines.toByteArray();
    }

    private static byte[] made(Future<byte[]> lines) throws IOException {
        try {
            return lines.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The export was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failed) {
                throw failed;
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            throw new IllegalStateException("An export's lines could not be made", e.getCause());
        }
    }

    /**
     * Writes the event's line: the envelope through the generator, then the stored payload's bytes as they are, but
     * for its personal texts, which are written opened, straight into the bytes the generator writes to.
     */
    private void line(DomainEventMessage<?> event, TrackingToken position, PersonalDataKeys atHand, JsonGenerator out,
                      ByteArrayOutputStream bytes) throws IOException {
        byte[] payload = event.serializePayload(storedForm, byte[].class).getData();
        Class<?> type = event.getPayloadType();
        Instant recordedAt = event.getTimestamp();
        String[] metaData = metaData(event.serializeMetaData(storedForm, byte[].class).getData());
        StoredPayload stored = read(payload, personal.computeIfAbsent(type, FeedExport::personalProperties));
        out.writeStartObject();
        out.writeStringField("cursor", FeedCursor.write(position));
        out.writeStringField("caseId", event.getAggregateIdentifier());
        out.writeNumberField("sequence", event.getSequenceNumber());
        out.writeStringField("eventId", event.getIdentifier());
        out.writeStringField("type", type.getSimpleName());
        String occurredAt = CaseEvent.class.isAssignableFrom(type) ? stored.occurredAt() : null;
        out.writeStringField("occurredAt", occurredAt != null ? occurredAt : recordedAt.toString());
        out.writeStringField("recordedAt", recordedAt.toString());
        for (int i = 0; i < SHOWN_METADATA.size(); i++) {
            out.writeStringField(SHOWN_METADATA.get(i), metaData[i]);
        }
        out.writeFieldName("payload");
        out.writeRawValue("");
        out.flush();
        int copied = 0;
        for (PersonalText text : stored.texts()) {
            bytes.write(payload, copied, text.start() - copied);
            bytes.write('"');
            bytes.write(ENCODER.quoteAsUTF8(SealedText.read(text.stored(), atHand)));
            bytes.write('"');
            copied = text.end();
        }
        bytes.write(payload, copied, payload.length - copied);
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** A stored payload as a line needs it: its own {@code occurredAt}, and where its personal texts are. */
    private record StoredPayload(String occurredAt, List<PersonalText> texts) {
    }

    /** A personal text of a stored payload: the stored (sealed) text, and the bytes of its JSON string. */
    private record PersonalText(String stored, int start, int end) {
    }

    /** Reads the payload's top-level properties once, for its {@code occurredAt} and its personal texts. */
    private StoredPayload read(byte[] payload, Set<String> personalProperties) throws IOException {
        String occurredAt = null;
        List<PersonalText> texts = new ArrayList<>(2);
        try (JsonParser parser = factory.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new StoredPayload(null, List.of());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && personalProperties.contains(name)) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    String text = parser.getText();
                    texts.add(new PersonalText(text, start, (int) parser.currentLocation().getByteOffset()));
                } else if (value == JsonToken.VALUE_STRING && name.equals("occurredAt")) {
                    occurredAt = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new StoredPayload(occurredAt, texts);
    }

    /** The metadata a line shows, in the order of {@link #SHOWN_METADATA}, read from the stored metadata. */
    private String[] metaData(byte[] stored) throws IOException {
        String[] shown = new String[SHOWN_METADATA.size()];
        try (JsonParser parser = factory.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return shown;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int index = SHOWN_METADATA.indexOf(parser.currentName());
                JsonToken value = parser.nextToken();
                if (index >= 0 && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    shown[index] = parser.getText();
                }
                parser.skipChildren();
            }
        }
        return shown;
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
}
