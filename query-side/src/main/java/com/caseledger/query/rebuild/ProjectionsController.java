package com.caseledger.query.rebuild;

import com.caseledger.platform.web.NotFoundException;
import com.caseledger.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The projections as an operator sees them, and their rebuild beside the live ones. The case views, the callers'
 * worklist and the report facts are all derived from one case fold in one processor, so they are one projection,
 * {@code case-projections}, rebuilt together; {@code all} names it too.
 */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = "application/json")
@Tag(name = "Projections", description = "The read side's status and its rebuild without downtime")
public class ProjectionsController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionsController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Each projection's status, position, the store's head and the progress of a rebuild")
    public List<ProjectionStatus> list() {
        return rebuilds.statuses();
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild the projection (or all) from the event store beside the live one, which keeps "
            + "answering, and switch to it once it has caught up; a rebuild already running here is the answer",
            responses = {
                    @ApiResponse(responseCode = "202", description = "the rebuild runs; follow it in the list"),
                    @ApiResponse(responseCode = "404", description = "no projection of that name"),
                    @ApiResponse(responseCode = "409", description = "another node is rebuilding")})
    public ResponseEntity<List<ProjectionStatus>> rebuild(@PathVariable String name) {
        if (!ProjectionRebuilds.names(name)) {
            throw new NotFoundException("No projection is named " + Problems.echo(name) + "; the projections are "
                    + ProjectionRebuilds.PROJECTIONS + " (or all).");
        }
        rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).body(rebuilds.statuses());
    }

    @ExceptionHandler(ProjectionRebuilds.RebuildElsewhere.class)
    ResponseEntity<ProblemDetail> rebuildingElsewhere(ProjectionRebuilds.RebuildElsewhere e) {
        return Problems.conflict("rebuild-running", "Rebuild under way", e.getMessage());
    }
}
