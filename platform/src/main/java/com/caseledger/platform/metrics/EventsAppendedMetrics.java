package com.caseledger.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Counts the events this node appends to the store, by type, once their transaction has committed:
 * {@code caseledger_events_appended_total{type="..."}}. SLA breaches are the type {@code SlaTargetBreached}, met
 * targets {@code SlaTargetMet}. A node that only reads appends nothing.
 */
@Component
public class EventsAppendedMetrics implements SmartInitializingSingleton {

    private final ObjectProvider<EventStore> eventStore;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EventsAppendedMetrics(ObjectProvider<EventStore> eventStore, MeterRegistry registry) {
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventStore store = eventStore.getIfAvailable();
        if (store != null) {
            store.registerDispatchInterceptor(this::countAfterCommit);
        }
    }

    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> countAfterCommit(
            List<? extends EventMessage<?>> events) {
        List<String> types = events.stream().map(event -> event.getPayloadType().getSimpleName()).toList();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> types.forEach(this::count));
        } else {
            types.forEach(this::count);
        }
        return (index, event) -> event;
    }

    private void count(String type) {
        counters.computeIfAbsent(type, key -> Counter.builder("caseledger.events.appended").tag("type", key)
                .description("events appended to the store by this node").register(registry)).increment();
    }
}
