package com.caseledger.query.followups;

import com.caseledger.events.FollowUpStatus;
import com.caseledger.platform.web.QueryInstants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The callers' worklist: follow-up calls ordered by when they are due. */
@RestController
@Tag(name = "Follow-up calls")
public class FollowUpWorklistController {

    private final FollowUpWorklistRepository repository;

    public FollowUpWorklistController(FollowUpWorklistRepository repository) {
        this.repository = repository;
    }

    @GetMapping(path = "/api/follow-ups", produces = "application/json")
    @Operation(summary = "Follow-up calls, earliest due first")
    public Worklist worklist(@Parameter(description = "SCHEDULED, COMPLETED or MISSED; default: all")
                             @RequestParam(required = false) FollowUpStatus status,
                             @Parameter(description = "only calls due before this instant")
                             @RequestParam(required = false) Instant dueBefore,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return repository.worklist(status, QueryInstants.storable("dueBefore", dueBefore), page, size);
    }
}
