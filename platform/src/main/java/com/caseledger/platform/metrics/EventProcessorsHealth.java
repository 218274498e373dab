package com.caseledger.platform.metrics;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Whether this node's event processors run: DOWN while one of them is stopped or in error (a streaming processor
 * that keeps failing is in error between its retries). Part of the node's readiness: a node whose processors have
 * not started yet, or have stopped, must not be sent reads that wait for them.
 */
@Component("eventProcessors")
public class EventProcessorsHealth implements HealthIndicator {

    private final ObjectProvider<Configuration> axon;

    public EventProcessorsHealth(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public Health health() {
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return Health.down().withDetail("reason", "Axon is not configured yet").build();
        }
        Map<String, String> states = new TreeMap<>();
        boolean allRunning = true;
        for (Map.Entry<String, EventProcessor> entry
                : configuration.eventProcessingConfiguration().eventProcessors().entrySet()) {
            String state = stateOf(entry.getValue());
            states.put(entry.getKey(), state);
            allRunning &= state.equals("running");
        }
        return (allRunning ? Health.up() : Health.down()).withDetails(states).build();
    }

    static String stateOf(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
            return "error";
        }
        return processor.isRunning() ? "running" : "stopped";
    }
}
