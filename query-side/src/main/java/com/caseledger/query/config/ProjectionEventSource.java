package com.caseledger.query.config;

import com.caseledger.platform.personaldata.PersonalDataKeys;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' processor reads it. Each stream has a thread of its own that reads up to
 * {@code readAhead} events ahead of the processor, and deserializes them, so the store is read while the projections
 * work on the previous batch instead of in turn with them. The keys that open the personal texts of the events it
 * reads in one go are read in one look. A stream that has read everything looks in the store again every
 * {@code checkEvery}, so a command's events reach the views within milliseconds.
 */
public class ProjectionEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Events read from the store in one go, whose customers' keys are then read in one look. */
    private static final int PREFETCH = 500;
    /** So few events that their keys are read one by one (most are at hand already): the views' usual case. */
    private static final int FEW = 16;

    private final EventStore eventStore;
    private final PersonalDataKeys keys;
    private final Duration checkEvery;
    private final int readAhead;

    public ProjectionEventSource(EventStore eventStore, PersonalDataKeys keys, Duration checkEvery, int readAhead) {
        this.eventStore = eventStore;
        this.keys = keys;
        this.checkEvery = checkEvery;
        this.readAhead = readAhead;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new ReadAheadStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    /**
     * A stream whose events are read by a thread of its own into a bounded buffer. Only that thread touches the
     * store's stream; only the processor's thread takes events from the buffer. A failure to read is handed to the
     * processor once it has taken the events read before it, and the processor opens a new stream.
     */
    private final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> store;
        private final BlockingQueue<TrackedEventMessage<?>> ahead = new ArrayBlockingQueue<>(readAhead);
        private final Thread reader;
        private volatile RuntimeException failure;
        private volatile Runnable onAvailable;
        private TrackedEventMessage<?> next;

        private ReadAheadStream(BlockingStream<TrackedEventMessage<?>> store) {
            this.store = store;
            this.reader = new Thread(this::read, "projection-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<TrackedEventMessage<?>> read = new ArrayList<>();
                    while (read.size() < PREFETCH && store.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                        read.add(store.nextAvailable());
                    }
                    if (read.isEmpty()) {
                        TimeUnit.NANOSECONDS.sleep(checkEvery.toNanos());
                        continue;
                    }
                    if (read.size() > FEW) {
                        keys.prefetchForCases(caseIds(read));
                    }
                    for (TrackedEventMessage<?> event : read) {
                        ahead.put(prepared(event));
                        Runnable callback = onAvailable;
                        if (callback != null) {
                            callback.run();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                store.close();
            }
        }

        private static List<String> caseIds(List<TrackedEventMessage<?>> events) {
            List<String> caseIds = new ArrayList<>(events.size());
            for (TrackedEventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    caseIds.add(domainEvent.getAggregateIdentifier());
                }
            }
            return caseIds;
        }

        /**
         * Reads the event's timestamp and payload, which the processor needs of every event, while the processor is
         * still busy with earlier ones. A payload that cannot be read is left for the processor, whose batch then
         * fails on it as it would have without reading ahead.
         */
        private TrackedEventMessage<?> prepared(TrackedEventMessage<?> event) {
            event.getTimestamp();
            try {
                event.getPayload();
            } catch (RuntimeException unreadable) {
                // the processor meets it again
            }
            return event;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                next = ahead.poll();
                failIfDrained();
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next == null) {
                next = ahead.poll(timeout, unit);
                failIfDrained();
            }
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            boolean available;
            do {
                available = hasNextAvailable(1, TimeUnit.SECONDS);
            } while (!available);
            TrackedEventMessage<?> taken = next;
            next = null;
            return taken;
        }

        private void failIfDrained() {
            RuntimeException failed = failure;
            if (failed != null && next == null && ahead.isEmpty()) {
                throw failed;
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            reader.interrupt();
        }
    }
}
