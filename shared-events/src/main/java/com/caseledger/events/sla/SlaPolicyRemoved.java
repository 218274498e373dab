package com.caseledger.events.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An SLA policy no longer applies to cases opened or reprioritized from now on. Removal is a version of its own, so a
 * policy defined again under the same id goes on counting and a (policy, version) pair never means two things.
 */
@Revision("1")
public record SlaPolicyRemoved(String policyId, long version, Instant occurredAt) implements SlaDefinitionEvent {

    @Override
    public String definitionId() {
        return policyId;
    }
}
