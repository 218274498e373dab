package com.caseledger.events.sla;

import java.time.Duration;

/**
 * A policy's targets in whole seconds of the policy's working time (its calendar's, or round-the-clock time); an
 * absent target is not measured.
 */
public record SlaTargets(Long firstReplySeconds, Long nextReplySeconds, Long resolutionSeconds) {

    public Duration firstReply() {
        return firstReplySeconds == null ? null : Duration.ofSeconds(firstReplySeconds);
    }

    public Duration nextReply() {
        return nextReplySeconds == null ? null : Duration.ofSeconds(nextReplySeconds);
    }

    public Duration resolution() {
        return resolutionSeconds == null ? null : Duration.ofSeconds(resolutionSeconds);
    }
}
