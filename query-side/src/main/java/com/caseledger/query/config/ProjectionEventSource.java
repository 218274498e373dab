package com.caseledger.query.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' processor reads it. Each stream has a thread of its own that reads up to
 * {@code readAhead} events ahead of the processor, and deserializes them, so the store is read while the projections
 * work on the previous batch instead of in turn with them. A stream that has read everything looks in the store again every
 * {@code checkEvery}, so a command's events reach the views within milliseconds.
 */
public class ProjectionEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore eventStore;
    private final Duration checkEvery;
    private final int readAhead;

    public ProjectionEventSource(EventStore eventStore, Duration checkEvery, int readAhead) {
        this.eventStore = eventStore;
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
                    if (store.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                        ahead.put(prepared(store.nextAvailable()));
                        Runnable callback = onAvailable;
                        if (callback != null) {
                            callback.run();
                        }
                    } else {
                        TimeUnit.NANOSECONDS.sleep(checkEvery.toNanos());
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
