package com.caseledger.command.cases;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How cases are loaded to decide a command.
 *
 * @param cache         keep recently used cases in memory. With one node taking a case's commands it is always
 *                      current. Where several nodes take commands for the same cases without routing each case to one
 *                      node, switch it off: a stale copy that records something ends in a version conflict (409), but
 *                      one that decides to record nothing (an assignment it believes already made) answers from an
 *                      old state
 * @param cacheSize     how many cases the cache holds
 * @param snapshotAfter take a snapshot of a case every this many events
 */
@ConfigurationProperties("caseledger.cases")
@Validated
public record CaseSettings(@DefaultValue("true") boolean cache,
                           @DefaultValue("10000") @Min(1) int cacheSize,
                           @DefaultValue("100") @Min(1) int snapshotAfter) {
}
