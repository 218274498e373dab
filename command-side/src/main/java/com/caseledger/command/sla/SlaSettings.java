package com.caseledger.command.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How SLA timers are set.
 *
 * @param importGrace how long a timer waits whose due instant has already passed when imported history sets it, so
 *                    that the rest of the import can meet or breach the target first
 */
@ConfigurationProperties("caseledger.sla")
@Validated
public record SlaSettings(@DefaultValue("PT10M") Duration importGrace) {

    public SlaSettings {
        if (importGrace == null || importGrace.isNegative()) {
            throw new IllegalArgumentException("caseledger.sla.import-grace must be zero or more, not " + importGrace);
        }
    }
}
