package com.caseledger.benchmark;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Watches and restarts the projections' streaming processors. */
final class Processors {

    static final List<String> NAMES = List.of("case-projections");

    private final EventProcessingConfiguration processing;

    Processors(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    /**
     * Stops every projection's processor once it has claimed a segment: a tracking processor stopped while it is still
     * handing its first segment to a worker was seen unable to claim it when started again.
     */
    void stopAll() throws InterruptedException {
        long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(30);
        for (String name : NAMES) {
            StreamingEventProcessor processor = processor(name);
            while (processor.processingStatus().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            processor.shutDown();
        }
    }

    void startAll() {
        NAMES.forEach(name -> processor(name).start());
    }

    /** Drops every projection's position and state, and replays the whole store into it. */
    void rebuildAll() {
        for (String name : NAMES) {
            StreamingEventProcessor processor = processor(name);
            processor.shutDown();
            processor.resetTokens();
        }
        NAMES.forEach(name -> processor(name).start());
    }

    /** The lowest global index every segment of every projection has processed (-1 before any). */
    long lowestPosition() {
        long lowest = Long.MAX_VALUE;
        for (String name : NAMES) {
            lowest = Math.min(lowest, lowestPosition(processor(name).processingStatus()));
        }
        return lowest;
    }

    /** The lowest global index the claimed segments of a processor have processed (-1 before any). */
    static long lowestPosition(Map<Integer, EventTrackerStatus> status) {
        return status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1)).min().orElse(-1);
    }

    /** Waits until every projection has processed the store up to {@code head}; answers false on timeout. */
    boolean awaitPosition(long head, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (lowestPosition() >= head) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
