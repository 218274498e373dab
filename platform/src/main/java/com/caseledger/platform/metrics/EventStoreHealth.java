package com.caseledger.platform.metrics;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the event store answers: it is asked for its head (the highest global index), whichever engine holds the
 * events. Part of the node's readiness (as {@code eventStore}: Spring drops the suffix of the bean's name, which
 * leaves the name {@code eventStore} to Axon Server's event store); the head is shown to signed-in operators.
 */
@Component("eventStoreHealthIndicator")
public class EventStoreHealth implements HealthIndicator {

    private final ObjectProvider<EventStore> eventStore;

    public EventStoreHealth(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return Health.down().withDetail("reason", "no event store").build();
        }
        try {
            TrackingToken head = store.createHeadToken();
            return Health.up().withDetail("head", head == null ? -1 : head.position().orElse(-1)).build();
        } catch (RuntimeException unreachable) {
            return Health.down(unreachable).build();
        }
    }
}
