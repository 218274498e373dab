package com.caseledger.command.surveys.api;

import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.api.CaseCommandSender;
import com.caseledger.command.surveys.RecordSurveyAnswer;
import com.caseledger.events.ServqualDimension;
import com.caseledger.events.ServqualRating;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Satisfaction survey answers on a case, also after it is closed. */
@RestController
@Tag(name = "Surveys", description = "CSAT, NPS and SERVQUAL answers; a new answer replaces the earlier one per instrument")
public class SurveyCommandController {

    private final CaseCommandSender sender;

    public SurveyCommandController(CaseCommandSender sender) {
        this.sender = sender;
    }

    public record ServqualAnswer(@NotNull @Min(1) @Max(7) Integer expectation, @NotNull @Min(1) @Max(7) Integer perception) {
    }

    @Schema(description = "At least one of csat, nps and servqual")
    public record SurveyRequest(@Min(1) @Max(5) Integer csat,
                                @Min(0) @Max(10) Integer nps,
                                @Schema(example = "{\"RELIABILITY\": {\"expectation\": 6, \"perception\": 5}}")
                                Map<ServqualDimension, @Valid @NotNull ServqualAnswer> servqual,
                                @Schema(description = "When it happened, for backfilled history. Default: now.") Instant occurredAt) {
    }

    @PostMapping(path = "/api/cases/{caseId}/surveys", produces = "application/json")
    @Operation(summary = "Record survey answers (at least one of csat, nps and servqual)")
    public CaseCommandResult answer(@PathVariable String caseId, @Valid @RequestBody SurveyRequest body) {
        Map<ServqualDimension, ServqualRating> servqual = null;
        if (body.servqual() != null) {
            servqual = new EnumMap<>(ServqualDimension.class);
            for (Map.Entry<ServqualDimension, ServqualAnswer> answer : body.servqual().entrySet()) {
                servqual.put(answer.getKey(), new ServqualRating(answer.getValue().expectation(), answer.getValue().perception()));
            }
        }
        return sender.send(new RecordSurveyAnswer(caseId, body.csat(), body.nps(), servqual, body.occurredAt()));
    }
}
