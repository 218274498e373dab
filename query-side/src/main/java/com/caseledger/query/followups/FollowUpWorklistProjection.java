package com.caseledger.query.followups;

import com.caseledger.query.caseview.TimelineProjection;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps the callers' worklist of follow-up calls current. */
@Component
@ProcessingGroup(FollowUpWorklistProjection.NAME)
public class FollowUpWorklistProjection extends TimelineProjection {

    public static final String NAME = "follow-ups";

    public FollowUpWorklistProjection(FollowUpWorklistRepository repository) {
        super(repository);
    }
}
