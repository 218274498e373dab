package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaDefinitionEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop offering an SLA policy to cases; cases that took it keep their targets. */
public record RemoveSlaPolicy(String policyId) {

    @TargetAggregateIdentifier
    public String definitions() {
        return SlaDefinitionEvent.STREAM;
    }
}
