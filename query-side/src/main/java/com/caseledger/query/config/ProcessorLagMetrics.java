package com.caseledger.query.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How far the read side's processor is behind the event store, for Prometheus, read when metrics are scraped:
 * <ul>
 *     <li>{@code caseledger_processor_position}: the global index up to which this node's segments have processed
 *     (the lowest of them); absent while this node holds no segment;</li>
 *     <li>{@code caseledger_processor_head}: the store's highest global index;</li>
 *     <li>{@code caseledger_processor_lag_events}: head minus position;</li>
 *     <li>{@code caseledger_processor_lag_seconds}: how long ago the oldest event not yet processed was recorded; 0
 *     when the processor has caught up; absent where the events are in Axon Server (it reads the JDBC store's table).</li>
 * </ul>
 * Each carries the tag {@code processor}. Nodes that share the processor's segments each report their own. The four
 * gauges of one scrape share one look at the position and the head.
 */
@Component
public class ProcessorLagMetrics implements MeterBinder {

    private static final String OLDEST_AFTER = "select time_stamp from eventstore.domain_event_entry "
            + "where global_index > ? order by global_index limit 1";
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ObjectProvider<Configuration> axon;
    private final ObjectProvider<EventStore> eventStore;
    /** The JDBC store's engine, which exists only where the events are in PostgreSQL. */
    private final ObjectProvider<EventStorageEngine> jdbcStore;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Look last;

    /** The position and the head as seen at one moment, reused by the gauges read within {@link #FRESH_NANOS}. */
    private record Look(long takenAtNanos, OptionalLong position, OptionalLong head) {
    }

    public ProcessorLagMetrics(ObjectProvider<Configuration> axon, ObjectProvider<EventStore> eventStore,
                               ObjectProvider<EventStorageEngine> jdbcStore, JdbcTemplate jdbc, Clock clock) {
        this.axon = axon;
        this.eventStore = eventStore;
        this.jdbcStore = jdbcStore;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String processor = ProjectionProcessing.PROCESSOR;
        Gauge.builder("caseledger.processor.position", this, metrics -> orNaN(metrics.look().position()))
                .tag("processor", processor).description("global index this node's segments have processed up to")
                .register(registry);
        Gauge.builder("caseledger.processor.head", this, metrics -> orNaN(metrics.look().head()))
                .tag("processor", processor).description("the event store's highest global index")
                .register(registry);
        Gauge.builder("caseledger.processor.lag.events", this, ProcessorLagMetrics::lagEvents)
                .tag("processor", processor).description("events recorded that the processor has not processed")
                .register(registry);
        Gauge.builder("caseledger.processor.lag.seconds", this, ProcessorLagMetrics::lagSeconds)
                .tag("processor", processor).description("age of the oldest event the processor has not processed")
                .register(registry);
    }

    private Look look() {
        Look look = last;
        long now = System.nanoTime();
        if (look == null || now - look.takenAtNanos() > FRESH_NANOS) {
            look = new Look(now, position(), head());
            last = look;
        }
        return look;
    }

    private double lagEvents() {
        Look look = look();
        OptionalLong position = look.position();
        OptionalLong head = look.head();
        if (position.isEmpty() || head.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, head.getAsLong() - position.getAsLong());
    }

    private double lagSeconds() {
        OptionalLong position = look().position();
        if (position.isEmpty() || jdbcStore.getIfAvailable() == null) {
            return Double.NaN;
        }
        List<String> oldest = jdbc.queryForList(OLDEST_AFTER, String.class, position.getAsLong());
        if (oldest.isEmpty()) {
            return 0;
        }
        Duration behind = Duration.between(Instant.parse(oldest.get(0)), clock.instant());
        return Math.max(0, behind.toMillis() / 1000.0);
    }

    private OptionalLong position() {
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return OptionalLong.empty();
        }
        return configuration.eventProcessingConfiguration()
                .eventProcessor(ProjectionProcessing.PROCESSOR, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min())
                .orElse(OptionalLong.empty());
    }

    private OptionalLong head() {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return OptionalLong.empty();
        }
        TrackingToken head = store.createHeadToken();
        return head == null ? OptionalLong.of(-1) : head.position();
    }

    private static double orNaN(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : Double.NaN;
    }
}
