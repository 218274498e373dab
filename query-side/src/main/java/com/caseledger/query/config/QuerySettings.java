package com.caseledger.query.config;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The read side.
 *
 * @param minVersionWait      how long {@code GET /api/cases/{id}?minVersion=N} waits for the view to reach version N
 *                            before it answers 503 with {@code Retry-After}
 * @param checkForEventsEvery how often the projections' processor, when idle, looks for new events
 * @param readAhead           how many events the projections' processor reads ahead of the batch it works on
 * @param nodeId              how this node signs the processor segments it claims in the token store; nodes that share
 *                            one database must differ (the default, the JVM's process id and host name, does
 *                            across hosts)
 */
@ConfigurationProperties("caseledger.query")
@Validated
public record QuerySettings(@DefaultValue("5s") @DurationMin(millis = 0) Duration minVersionWait,
                            @DefaultValue("20ms") @DurationMin(millis = 1) Duration checkForEventsEvery,
                            @DefaultValue("5000") @Min(1) int readAhead,
                            String nodeId) {

    public QuerySettings {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
