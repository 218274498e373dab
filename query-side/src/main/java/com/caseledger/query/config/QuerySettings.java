package com.caseledger.query.config;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The read side.
 *
 * @param minVersionWait      how long {@code GET /api/cases/{id}?minVersion=N} waits for the view to reach version N
 *                            before it answers 503 with {@code Retry-After}
 * @param checkForEventsEvery how often the projections' processor, when idle, looks for new events
 * @param readAhead           how many events the projections' processor reads ahead of the batch it works on
 */
@ConfigurationProperties("caseledger.query")
@Validated
public record QuerySettings(@DefaultValue("5s") @DurationMin(millis = 0) Duration minVersionWait,
                            @DefaultValue("20ms") @DurationMin(millis = 1) Duration checkForEventsEvery,
                            @DefaultValue("2000") @Min(1) int readAhead) {
}
