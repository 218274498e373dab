package com.caseledger.query.reports;

import com.caseledger.query.caseview.TimelineProjection;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** Keeps the per-case service-level facts that the report's cohorts are computed from. */
@Component
@ProcessingGroup(ServiceLevelProjection.NAME)
public class ServiceLevelProjection extends TimelineProjection {

    public static final String NAME = "service-levels";

    public ServiceLevelProjection(ServiceLevelRepository repository) {
        super(repository);
    }
}
