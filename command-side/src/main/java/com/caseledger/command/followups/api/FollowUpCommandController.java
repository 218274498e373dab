package com.caseledger.command.followups.api;

import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.CaseVersion;
import com.caseledger.command.casework.api.CaseCommandSender;
import com.caseledger.command.followups.CompleteFollowUp;
import com.caseledger.command.followups.MissFollowUp;
import com.caseledger.command.followups.RescheduleFollowUp;
import com.caseledger.command.followups.ScheduleFollowUp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Follow-up calls on a case, also after it is closed. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/follow-ups", produces = "application/json")
@Tag(name = "Follow-up calls", description = "Outbound calls after a resolution or a delivery")
public class FollowUpCommandController {

    private static final String OCCURRED_AT = "When it happened, for backfilled history. Default: now.";
    private static final String SCHEDULED_FOR = "Not before occurredAt (default: now)";

    private final CaseCommandSender sender;

    public FollowUpCommandController(CaseCommandSender sender) {
        this.sender = sender;
    }

    public record ScheduleRequest(@Schema(description = SCHEDULED_FOR) @NotNull Instant scheduledFor, @Size(max = 2_000) String purpose,
                                  @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record CompleteRequest(@NotNull Boolean reached,
                                  @Schema(description = "only when reached") @Min(1) @Max(5) Integer satisfaction,
                                  @Size(max = 20_000) String notes, @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record MissRequest(@Size(max = 20_000) String reason, @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record RescheduleRequest(@Schema(description = SCHEDULED_FOR) @NotNull Instant scheduledFor, @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record FollowUpAnswer(String caseId, long version, String followUpId) implements CaseVersion {
    }

    @PostMapping
    @Operation(summary = "Schedule a follow-up call (not in the past, unless backfilled with occurredAt)")
    @ApiResponse(responseCode = "201", description = "The call is scheduled; followUpId names it",
            headers = @Header(name = "Location", description = "The case's path, whose view lists the call",
                    required = true, schema = @Schema(type = "string")))
    public ResponseEntity<FollowUpAnswer> schedule(@PathVariable String caseId, @Valid @RequestBody ScheduleRequest body) {
        String followUpId = UUID.randomUUID().toString();
        CaseCommandResult result = sender.send(new ScheduleFollowUp(caseId, followUpId, body.scheduledFor(), body.purpose(),
                body.occurredAt()));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .body(new FollowUpAnswer(caseId, result.version(), followUpId));
    }

    @PostMapping("/{followUpId}/complete")
    @Operation(summary = "Record the call's outcome: reached (with an optional satisfaction 1..5), or not reached (a miss)")
    public CaseCommandResult complete(@PathVariable String caseId, @PathVariable String followUpId,
                                      @Valid @RequestBody CompleteRequest body) {
        return sender.send(new CompleteFollowUp(caseId, followUpId, body.reached(), body.satisfaction(), body.notes(),
                body.occurredAt()));
    }

    @PostMapping("/{followUpId}/miss")
    @Operation(summary = "Record that the call did not take place")
    public CaseCommandResult miss(@PathVariable String caseId, @PathVariable String followUpId,
                                  @Valid @RequestBody(required = false) MissRequest body) {
        MissRequest given = body != null ? body : new MissRequest(null, null);
        return sender.send(new MissFollowUp(caseId, followUpId, given.reason(), given.occurredAt()));
    }

    @PostMapping("/{followUpId}/reschedule")
    @Operation(summary = "Move a SCHEDULED or MISSED call to another time")
    public CaseCommandResult reschedule(@PathVariable String caseId, @PathVariable String followUpId,
                                        @Valid @RequestBody RescheduleRequest body) {
        return sender.send(new RescheduleFollowUp(caseId, followUpId, body.scheduledFor(), body.occurredAt()));
    }
}
