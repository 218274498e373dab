package com.caseledger.query.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A projection as an operator sees it.
 *
 * @param name         the projection, as {@code POST /api/admin/projections/{name}/rebuild} names it
 * @param status       {@code LIVE}, or {@code REBUILDING} while a rebuild runs beside it on any node
 * @param position     the global index the live projection has processed up to; null before it has processed any
 * @param headPosition the event store's highest global index
 * @param progress     the rebuild's progress while it runs, else the live projection's
 * @param lastRebuild  how the last rebuild this node ran ended; null before one has
 */
public record ProjectionStatus(String name,
                               @Schema(allowableValues = {LIVE, REBUILDING}) String status,
                               @Schema(nullable = true) Long position,
                               long headPosition,
                               Progress progress,
                               @Schema(nullable = true) Ended lastRebuild) {

    public static final String LIVE = "LIVE";
    public static final String REBUILDING = "REBUILDING";

    ProjectionStatus(String name, String status, OptionalLong position, long headPosition, Progress progress,
                     Ended lastRebuild) {
        this(name, status, position.isPresent() ? position.getAsLong() : null, headPosition, progress, lastRebuild);
    }

    /**
     * @param done            the global index processed up to
     * @param total           the global index to reach: the head
     * @param eventsPerSecond the rate over the last seconds; null until two looks apart have measured it
     * @param etaSeconds      the time left at that rate; 0 once caught up, null while the rate is unknown or zero
     */
    public record Progress(long done, long total, @Schema(nullable = true) Long eventsPerSecond,
                           @Schema(nullable = true) Long etaSeconds) {
    }

    /**
     * @param outcome {@code SWITCHED} (the rebuilt projection is live) or {@code FAILED} (the live one stayed)
     * @param error   why it failed
     */
    public record Ended(Instant startedAt, Instant endedAt,
                        @Schema(allowableValues = {SWITCHED, FAILED}) String outcome,
                        @Schema(nullable = true) String error) {

        public static final String SWITCHED = "SWITCHED";
        public static final String FAILED = "FAILED";
    }
}
