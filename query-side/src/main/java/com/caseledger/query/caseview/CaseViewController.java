package com.caseledger.query.caseview;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.platform.web.InvalidInputException;
import com.caseledger.platform.web.NotFoundException;
import com.caseledger.platform.web.Problems;
import com.caseledger.platform.web.QueryInstants;
import com.caseledger.query.casefold.CaseDeadLetters;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.SlaStatus;
import com.caseledger.query.config.QuerySettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The case list and the case view, with read-your-writes through {@code minVersion}. */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json")
@Tag(name = "Case views", description = "Cases as projected from their events")
public class CaseViewController {

    /** Another node may have projected the case: look again at least this often. */
    private static final Duration RECHECK_INTERVAL = Duration.ofMillis(50);

    private final CaseViewRepository repository;
    private final CaseViewVersions versions;
    private final CaseDeadLetters deadLetters;
    private final EventStore eventStore;
    private final Duration minVersionWait;
    private final Clock clock;

    public CaseViewController(CaseViewRepository repository, CaseViewVersions versions, CaseDeadLetters deadLetters,
                              EventStore eventStore, QuerySettings settings, Clock clock) {
        this.repository = repository;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.versions = versions;
        this.eventStore = eventStore;
        this.minVersionWait = settings.minVersionWait();
    }

    @GetMapping
    @Operation(summary = "List cases, newest first, or the agents' queue: nearest SLA due instant first")
    public CasePage list(@RequestParam(required = false) CaseStatus status,
                         @RequestParam(required = false) CaseType type,
                         @RequestParam(required = false) Channel channel,
                         @RequestParam(required = false) Category category,
                         @RequestParam(required = false) Priority priority,
                         @RequestParam(required = false) String agentId,
                         @RequestParam(required = false) String customerId,
                         @Parameter(description = "only cases opened at or after this instant")
                         @RequestParam(required = false) Instant openedFrom,
                         @Parameter(description = "only cases opened before this instant; must be after openedFrom")
                         @RequestParam(required = false) Instant openedTo,
                         @Parameter(description = "only cases with at least one SLA target in this status, as of "
                                 + "the read") @RequestParam(required = false) SlaStatus slaStatus,
                         @Parameter(description = "opened: newest opened first; slaDue: the nearest due instant "
                                 + "among ACTIVE SLA targets first, cases without an ACTIVE target last (newest opened "
                                 + "first)", schema = @Schema(allowableValues = {"opened", "slaDue"},
                                 defaultValue = "opened"))
                         @RequestParam(defaultValue = "opened") String sort,
                         @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        QueryInstants.storable("openedFrom", openedFrom);
        QueryInstants.storable("openedTo", openedTo);
        if (openedFrom != null && openedTo != null && !openedFrom.isBefore(openedTo)) {
            throw new InvalidInputException("openedTo", "must be after openedFrom");
        }
        CaseOrder order = CaseOrder.parse(sort).orElseThrow(() ->
                new InvalidInputException("sort", "must be opened or slaDue"));
        return repository.list(new CaseFilter(status, type, channel, category, priority, agentId, customerId,
                openedFrom, openedTo, slaStatus, clock.instant()), order, page, size, deadLetters::behindAmong);
    }

    /** Reads the case until its view has reached {@code minVersion} or the wait is over, woken by each commit. */
    private Optional<CaseTimeline> awaitVersion(String caseId, long minVersion, boolean parked)
            throws InterruptedException {
        // the events of a parked case reach its view only after a retry: there is nothing to wait for
        long deadline = System.nanoTime() + (parked ? 0 : minVersionWait.toNanos());
        while (true) {
            CompletableFuture<Void> changed = versions.watch(caseId);
            try {
                Optional<CaseTimeline> timeline = repository.find(caseId);
                long remaining = deadline - System.nanoTime();
                if (timeline.map(found -> found.version() >= minVersion).orElse(false) || remaining <= 0) {
                    return timeline;
                }
                changed.get(Math.min(remaining, RECHECK_INTERVAL.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // no commit on this node in the meantime: look again
            } finally {
                versions.unwatch(caseId, changed);
            }
        }
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "The case view; with minVersion, waits (bounded) until the view has reached that version",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the case view",
                            content = @Content(schema = @Schema(implementation = CaseView.class))),
                    @ApiResponse(responseCode = "404", description = "no such case, or no such version of it yet"),
                    @ApiResponse(responseCode = "503", description = "the version is recorded but the view did not reach it "
                            + "in time, or at once when events of the case are parked in the dead-letter queue; retry",
                            headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
                                    required = true, schema = @Schema(type = "integer")),
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))})
    public ResponseEntity<?> view(@PathVariable String caseId,
                                  @Parameter(description = "wait until the view has reached this version; a version "
                                          + "beyond the case's latest recorded event is answered 404 at once")
                                  @RequestParam(required = false) @Min(0) Long minVersion) throws InterruptedException {
        if (minVersion == null) {
            CaseTimeline timeline = repository.find(caseId).orElseThrow(() -> unknown(caseId));
            return tagged(CaseView.of(timeline, clock.instant(), deadLetters.isBehind(caseId)));
        }
        long recorded = eventStore.lastSequenceNumberFor(caseId).orElseThrow(() -> unknown(caseId));
        if (minVersion > recorded) {
            throw new NotFoundException("Case " + Problems.echo(caseId) + " has no version " + minVersion
                    + ": its latest recorded version is " + recorded + ".");
        }
        boolean parked = deadLetters.isParked(caseId);
        Optional<CaseTimeline> timeline = awaitVersion(caseId, minVersion, parked);
        if (timeline.isEmpty() || timeline.get().version() < minVersion) {
            String view = "Case " + Problems.echo(caseId) + " is recorded at version " + recorded + " but its view is "
                    + timeline.map(found -> "at version " + found.version()).orElse("not yet written");
            ProblemDetail problem = parked
                    ? Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "view-parked", "View behind parked events",
                    view + ": events of the case failed to project and are parked in the dead-letter queue until an "
                            + "administrator retries them. Retry later.")
                    : Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "view-behind", "View not yet current",
                    view + "; the change is recorded and will show shortly. Retry.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", parked ? "30" : "1").body(problem);
        }
        return tagged(CaseView.of(timeline.get(), clock.instant(), parked || deadLetters.isEvicted(caseId)));
    }

    /** The view with its version as ETag, for a command's {@code If-Match}. */
    private static ResponseEntity<CaseView> tagged(CaseView view) {
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    private static NotFoundException unknown(String caseId) {
        return new NotFoundException("No case " + Problems.echo(caseId) + " exists.");
    }
}
