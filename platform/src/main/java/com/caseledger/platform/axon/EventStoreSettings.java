package com.caseledger.platform.axon;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How processors read the event store.
 *
 * @param batchSize  events fetched per query when processors read the global stream
 * @param fetchDelay how long a stream that has read everything waits before it looks in the store again
 */
@ConfigurationProperties("caseledger.event-store")
@Validated
public record EventStoreSettings(@DefaultValue("1000") @Min(1) @Max(100_000) int batchSize,
                                 @DefaultValue("50ms") @DurationMin(millis = 1) Duration fetchDelay) {
}
