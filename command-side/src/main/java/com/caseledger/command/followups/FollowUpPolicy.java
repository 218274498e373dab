package com.caseledger.command.followups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** When the system calls back after a complaint's resolution (default two days later). */
@Component
public class FollowUpPolicy {

    public static final String AFTER_RESOLUTION_PURPOSE = "after complaint resolution";

    private final Duration afterComplaintResolution;

    @Autowired
    public FollowUpPolicy(FollowUpSettings settings) {
        this(settings.afterComplaintResolution());
    }

    public FollowUpPolicy(Duration afterComplaintResolution) {
        this.afterComplaintResolution = afterComplaintResolution;
    }

    public Instant callAfterResolutionAt(Instant resolvedAt) {
        return resolvedAt.plus(afterComplaintResolution);
    }
}
