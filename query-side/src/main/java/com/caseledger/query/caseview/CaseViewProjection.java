package com.caseledger.query.caseview;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps the case view of every case current. */
@Component
@ProcessingGroup(CaseViewProjection.NAME)
public class CaseViewProjection extends TimelineProjection {

    public static final String NAME = "case-views";

    public CaseViewProjection(CaseViewRepository repository) {
        super(repository);
    }
}
