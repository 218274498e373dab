package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaDefinitionEvent;
import com.caseledger.events.sla.SlaPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define an SLA policy, or replace the one of that id (also one removed earlier). */
public record DefineSlaPolicy(String policyId, SlaPolicy policy) {

    @TargetAggregateIdentifier
    public String definitions() {
        return SlaDefinitionEvent.STREAM;
    }
}
