package com.caseledger.query.deadletters;

import com.caseledger.platform.web.NotFoundException;
import com.caseledger.platform.web.Problems;
import com.caseledger.query.casefold.CaseDeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The cases parked in the projections' dead-letter queue: listed with the error that parked them, retried once the
 * cause is mended, or evicted (their events stay in the event store; their views stay behind until a rebuild).
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = "application/json")
@Tag(name = "Dead letters", description = "Cases whose events failed to project and wait to be retried")
public class DeadLettersController {

    private final CaseDeadLetters deadLetters;

    public DeadLettersController(CaseDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every parked case with its parked events, oldest first")
    public List<ParkedCase> list() {
        return deadLetters.all().stream()
                .map(letters -> ParkedCase.of(CaseDeadLetters.caseOf(letters.get(0)), letters))
                .toList();
    }

    @PostMapping("/{caseId}/retry")
    @Operation(summary = "Fold the case's parked events again, in order; the first that fails again stays parked with "
            + "the ones after it", responses = {
            @ApiResponse(responseCode = "200", description = "cleared, or still parked with the new cause"),
            @ApiResponse(responseCode = "404", description = "no parked events of this case")})
    public RetryOutcome retry(@PathVariable String caseId) {
        parkedEvents(caseId);
        if (deadLetters.retry(caseId)) {
            return new RetryOutcome(caseId, true, null);
        }
        List<DeadLetter<? extends EventMessage<?>>> still = deadLetters.lettersOf(caseId);
        return still.isEmpty() ? new RetryOutcome(caseId, true, null)
                : new RetryOutcome(caseId, false, ParkedCase.of(caseId, still));
    }

    @DeleteMapping("/{caseId}")
    @Operation(summary = "Drop the case's parked events: they stay in the event store, and the case's views stay "
            + "without them, and say they are behind, until the projections are rebuilt", responses = {
            @ApiResponse(responseCode = "204", description = "evicted"),
            @ApiResponse(responseCode = "404", description = "no parked events of this case")})
    public ResponseEntity<Void> evict(@PathVariable String caseId) {
        parkedEvents(caseId);
        deadLetters.evict(caseId);
        return ResponseEntity.noContent().build();
    }

    private List<DeadLetter<? extends EventMessage<?>>> parkedEvents(String caseId) {
        List<DeadLetter<? extends EventMessage<?>>> letters = deadLetters.lettersOf(caseId);
        if (letters.isEmpty()) {
            throw new NotFoundException("No events of case " + Problems.echo(caseId) + " are parked.");
        }
        return letters;
    }
}
