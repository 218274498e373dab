package com.caseledger.query.config;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projections' health: DOWN while a segment of their processor keeps failing a batch, so that a view that has
 * stopped following the event store is not reported as healthy. A segment recovers when a batch of it commits or
 * its position passes the batch that failed. A case whose events fail is parked and its batch commits, so a parked
 * case leaves the health UP; the parked cases are listed by {@code GET /api/admin/dead-letters}.
 */
@Component("projections")
public class ProjectionHealth implements HealthIndicator, MessageHandlerInterceptor<EventMessage<?>> {

    private static final String SEGMENT = "Processor[" + ProjectionProcessing.PROCESSOR + "]/SegmentId";
    private static final String LAST_TOKEN = "Processor[" + ProjectionProcessing.PROCESSOR + "]/Token";
    private static final String WATCHED = ProjectionHealth.class.getName();
    private static final int ERROR_LENGTH = 200;
    private static final Duration RECOVERED_AFTER = Duration.ofMinutes(2);

    private final Map<Integer, Failure> failures = new ConcurrentHashMap<>();
    private final ObjectProvider<Configuration> axon;
    private final Clock clock;

    public ProjectionHealth(ObjectProvider<Configuration> axon, Clock clock) {
        this.axon = axon;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(WATCHED, key -> watch(batch));
        return interceptorChain.proceed();
    }

    private Boolean watch(UnitOfWork<?> batch) {
        Integer segment = batch.getResource(SEGMENT);
        TrackingToken lastToken = batch.getResource(LAST_TOKEN);
        if (segment != null) {
            batch.onRollback(rolledBack -> failures.merge(segment,
                    new Failure(clock.instant(), clock.instant(), 1, describe(rolledBack), lastToken), Failure::again));
            batch.afterCommit(committed -> failures.remove(segment));
        }
        return Boolean.TRUE;
    }

    @Override
    public Health health() {
        failures.entrySet().removeIf(failure -> passed(failure.getKey(), failure.getValue()));
        if (failures.isEmpty()) {
            return Health.up().build();
        }
        Map<String, Object> stalled = new TreeMap<>();
        failures.forEach((segment, failure) -> stalled.put("segment " + segment, Map.of(
                "failingSince", failure.since().toString(), "lastFailure", failure.last().toString(),
                "attempts", failure.attempts(), "error", failure.error())));
        return Health.down().withDetail("processor", ProjectionProcessing.PROCESSOR).withDetail("stalled", stalled).build();
    }

    private boolean passed(int segment, Failure failure) {
        // a segment that keeps failing here fails again within the processor's longest back-off (60 s); one that
        // has not failed for longer has recovered, here or on another node that took it over
        if (failure.last().isBefore(clock.instant().minus(RECOVERED_AFTER))) {
            return true;
        }
        if (failure.lastToken() == null) {
            return false;
        }
        return processor()
                .map(processor -> processor.processingStatus().get(segment))
                .map(EventTrackerStatus::getTrackingToken)
                .map(position -> position.covers(failure.lastToken()))
                .orElse(false);
    }

    private Optional<StreamingEventProcessor> processor() {
        Configuration configuration = axon.getIfAvailable();
        return configuration == null ? Optional.empty() : configuration.eventProcessingConfiguration()
                .eventProcessor(ProjectionProcessing.PROCESSOR, StreamingEventProcessor.class);
    }

    private static String describe(UnitOfWork<?> rolledBack) {
        Throwable cause = rolledBack.getExecutionResult() == null ? null
                : rolledBack.getExecutionResult().getExceptionResult();
        if (cause == null) {
            return "rolled back";
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH) + "...";
    }

    private record Failure(Instant since, Instant last, int attempts, String error, TrackingToken lastToken) {
        Failure again(Failure next) {
            return new Failure(since, next.last(), attempts + 1, next.error(), next.lastToken());
        }
    }
}
