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
 * The event store as the projections' processor reads it. Each stream has two threads of its own, ahead of the
 * processor by up to {@code readAhead} events: one reads the store, the other deserializes what the first has read,
 * so the store is read, the events are opened and the projections work on the previous batch all at once instead of
 * in turn. The keys that open the personal texts of the events read in one go are read in one look. A stream that
 * has read everything looks in the store again every {@code checkEvery}, so a command's events reach the views
 * within milliseconds.
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
     * A stream whose events are read by one thread of its own and deserialized by another, in the order read, into a
     * bounded buffer. Only the reading thread touches the store's stream; only the processor's thread takes events
     * from the buffer. A failure to read is handed to the processor once it has taken every event read before it, and
     * the processor opens a new stream.
     */
    private final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        /** What the reading thread hands over after the last events it read, when it stops. */
        private static final List<TrackedEventMessage<?>> END = List.of();

        private final BlockingStream<TrackedEventMessage<?>> store;
        private final BlockingQueue<List<TrackedEventMessage<?>>> read = new ArrayBlockingQueue<>(2);
        private final BlockingQueue<TrackedEventMessage<?>> ahead = new ArrayBlockingQueue<>(readAhead);
        private final Thread reader;
        private final Thread preparer;
        private volatile RuntimeException readFailure;
        private volatile RuntimeException failure;
        private volatile Runnable onAvailable;
        private TrackedEventMessage<?> next;

        private ReadAheadStream(BlockingStream<TrackedEventMessage<?>> store) {
            this.store = store;
            this.reader = new Thread(this::read, "projection-read-ahead");
            this.preparer = new Thread(this::prepare, "projection-read-ahead-open");
            reader.setDaemon(true);
            preparer.setDaemon(true);
            preparer.start();
            reader.start();
        }

        private void read() {
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    while (events.size() < PREFETCH && store.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                        events.add(store.nextAvailable());
                    }
                    if (events.isEmpty()) {
                        TimeUnit.NANOSECONDS.sleep(checkEvery.toNanos());
                        continue;
                    }
                    if (events.size() > FEW) {
                        keys.prefetchForCases(caseIds(events));
                    }
                    read.put(events);
                    events = new ArrayList<>();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                readFailure = e;
                handOverBeforeFailure(events);
            } finally {
                store.close();
            }
        }

        /** The events read before the failure, then the end, for the processor to meet the failure after them. */
        private void handOverBeforeFailure(List<TrackedEventMessage<?>> events) {
            try {
                if (!events.isEmpty()) {
                    read.put(events);
                }
                read.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void prepare() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    List<TrackedEventMessage<?>> events = read.take();
                    if (events == END) {
                        failure = readFailure;
                        return;
                    }
                    for (TrackedEventMessage<?> event : events) {
                        ahead.put(prepared(event));
                        Runnable callback = onAvailable;
                        if (callback != null) {
                            callback.run();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
            preparer.interrupt();
        }
    }
}
