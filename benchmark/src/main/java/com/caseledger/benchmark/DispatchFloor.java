package com.caseledger.benchmark;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Axon's pooled processor alone costs: the given settings on the event store itself, with a
 * handler that only deserializes each event. It is the framework's floor for reading the same store.
 */
final class DispatchFloor {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final int segments;
    private final int threads;
    private final int batchSize;

    DispatchFloor(StreamableMessageSource<TrackedEventMessage<?>> source, int segments, int threads, int batchSize) {
        this.source = source;
        this.segments = segments;
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /** Reads the store from its start up to {@code head}; answers the events per second. */
    double readTo(long head, long timeoutMillis) throws InterruptedException {
        AtomicLong handled = new AtomicLong();
        EventMessageHandler deserializeOnly = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                event.getPayload();
                event.getMetaData();
                handled.incrementAndGet();
                return null;
            }
        };
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(threads);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("dispatch-floor")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(deserializeOnly).build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .maxClaimedSegments(segments)
                .batchSize(batchSize)
                .build();
        long started = System.nanoTime();
        processor.start();
        try {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (lowestPosition(processor.processingStatus()) < head && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            return handled.get() / ((System.nanoTime() - started) / 1e9);
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    private long lowestPosition(Map<Integer, EventTrackerStatus> status) {
        return status.size() < segments ? -1 : Processors.lowestPosition(status);
    }
}
