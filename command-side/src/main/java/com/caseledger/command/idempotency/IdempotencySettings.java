package com.caseledger.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Safe retries.
 *
 * @param retention how long the first answer to a command sent with an {@code Idempotency-Key} is kept (at least a
 *                  day); a repeat after that runs as a new command
 */
@ConfigurationProperties("caseledger.idempotency")
@Validated
public record IdempotencySettings(@DefaultValue("48h") Duration retention) {

    public IdempotencySettings {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("caseledger.idempotency.retention must be at least 24h, not " + retention);
        }
    }
}
