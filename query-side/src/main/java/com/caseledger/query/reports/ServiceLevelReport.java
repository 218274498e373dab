package com.caseledger.query.reports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The service-level report over the cohort of cases opened in [from, to). */
public record ServiceLevelReport(Instant from, Instant to,
                                 @Schema(nullable = true, allowableValues = {"day", "week", "month", "channel", "type",
                                         "category", "priority", "agent"}, description = "null when not grouped")
                                 String groupBy,
                                 String tz,
                                 @Schema(allowableValues = {"calendar", "business"},
                                         description = "the time the durations are measured in")
                                 String time,
                                 List<Group> groups,
                                 ServiceLevelMetrics total) {

    /** The metrics of the cases whose own attribute (or calendar period) is {@code key}. */
    public record Group(String key, @JsonUnwrapped ServiceLevelMetrics metrics) {
    }
}
