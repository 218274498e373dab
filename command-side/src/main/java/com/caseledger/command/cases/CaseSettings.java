package com.caseledger.command.cases;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How cases are loaded to decide a command.
 *
 * @param cache         keep recently used cases in memory. Safe with several nodes: correctness never depends on it,
 *                      since a stale copy ends in a version conflict (409) that evicts it; switch it off where several
 *                      nodes take commands for the same cases without routing, to spare clients those retries
 * @param snapshotAfter take a snapshot of a case every this many events
 */
@ConfigurationProperties("caseledger.cases")
@Validated
public record CaseSettings(@DefaultValue("true") boolean cache,
                           @DefaultValue("100") @Min(1) int snapshotAfter) {
}
