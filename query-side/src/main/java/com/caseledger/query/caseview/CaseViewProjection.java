package com.caseledger.query.caseview;

import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

import java.util.Collection;

/** Keeps the case view of every case current. */
@Component
@ProcessingGroup(CaseViewProjection.NAME)
public class CaseViewProjection extends TimelineProjection {

    public static final String NAME = "case-views";

    private final CaseViewVersions versions;

    public CaseViewProjection(CaseViewRepository repository, CaseViewVersions versions) {
        super(repository);
        this.versions = versions;
    }

    @Override
    protected void committed(Collection<CaseTimeline> timelines) {
        versions.committed(timelines);
    }
}
