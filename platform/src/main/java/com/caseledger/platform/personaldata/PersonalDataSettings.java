package com.caseledger.platform.personaldata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How a node keeps the customers' keys that open personal text.
 *
 * @param keyCacheTime how long a node keeps a key it has read; another node's erasure is seen by this node within it
 * @param keyCacheSize how many keys a node keeps
 */
@ConfigurationProperties("caseledger.personal-data")
@Validated
public record PersonalDataSettings(@DefaultValue("1m") @DurationMin(millis = 0) @DurationMax(hours = 24) Duration keyCacheTime,
                                   @DefaultValue("100000") @Min(0) @Max(10_000_000) int keyCacheSize) {
}
