package com.caseledger.events.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An SLA policy was defined, or replaced by a new version; cases that took an earlier version keep it. */
@Revision("1")
public record SlaPolicyDefined(String policyId, long version, SlaPolicy policy, Instant occurredAt)
        implements SlaDefinitionEvent {

    @Override
    public String definitionId() {
        return policyId;
    }
}
