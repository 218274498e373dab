package com.caseledger.command.followups;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Follow-up calls.
 *
 * @param afterComplaintResolution how long after a complaint's resolution its automatic follow-up call is due
 */
@ConfigurationProperties("caseledger.follow-ups")
@Validated
public record FollowUpSettings(@DefaultValue("2d") @DurationMin(millis = 0) Duration afterComplaintResolution) {
}
