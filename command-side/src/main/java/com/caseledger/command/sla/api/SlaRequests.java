package com.caseledger.command.sla.api;

import com.caseledger.events.CaseType;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.platform.web.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the SLA administration, as API.md names their fields. They check the shape; what a calendar
 * must be is {@link com.caseledger.events.sla.BusinessCalendar}'s to say, what a policy must be the SLA setup's.
 */
final class SlaRequests {

    /** As long as a path segment may be, so every calendar that can be defined can be named. */
    static final int ID_LENGTH = 200;
    static final String TARGET = "whole seconds of working time, 1 to 31622400 (366 days); absent: not measured";

    private SlaRequests() {
    }

    record IntervalRequest(@Schema(example = "09:00") @NotBlank @SingleLine @Size(max = 18) String from,
                           @Schema(example = "18:00", description = "excluded; 24:00 for the end of the day")
                           @NotBlank @SingleLine @Size(max = 18) String to) {
    }

    record CalendarRequest(@Schema(example = "Asia/Shanghai", description = "an IANA time zone")
                           @NotBlank @SingleLine @Size(max = 100) String zone,
                           @Schema(description = "intervals per day of the week, at least one in the week; leave a day "
                                   + "out for no working time on it")
                           @NotNull Map<DayOfWeek, @NotNull @Size(max = 48) List<@Valid @NotNull IntervalRequest>> workingHours,
                           @Schema(description = "dates (YYYY-MM-DD) without working time; absent: none")
                           @Size(max = 1000) List<@NotNull @Size(max = 10) String> holidays) {
    }

    @Schema(description = "Which cases the policy is for; an empty or absent list admits any value")
    record MatchRequest(@Size(max = 4) List<@NotNull Priority> priorities,
                        @Size(max = 2) List<@NotNull CaseType> types,
                        @Size(max = 7) List<@NotNull Channel> channels) {
    }

    @Schema(description = "At least one target")
    record TargetsRequest(@Schema(description = TARGET, minimum = "1", maximum = "31622400") Long firstReplySeconds,
                          @Schema(description = TARGET, minimum = "1", maximum = "31622400") Long nextReplySeconds,
                          @Schema(description = TARGET, minimum = "1", maximum = "31622400") Long resolutionSeconds) {
    }

    record PolicyRequest(@NotBlank @SingleLine @Size(max = 200) String name,
                         @Schema(description = "lower applies first; ties are ordered by policy id")
                         @NotNull @Min(0) @Max(1_000_000) Integer position,
                         @Valid MatchRequest match,
                         @Schema(description = "a defined calendar; absent: round-the-clock time")
                         @SingleLine @Size(max = ID_LENGTH) String calendarId,
                         @Valid TargetsRequest targets,
                         @Schema(defaultValue = "false") Boolean escalateOnBreach) {
    }
}
