package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaCalendarDefined;
import com.caseledger.events.sla.SlaDefinitionEvent;
import com.caseledger.events.sla.SlaDefinitions;
import com.caseledger.events.sla.SlaPolicyDefined;
import com.caseledger.events.sla.SlaPolicyRemoved;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Every SLA calendar and policy, decided as one: a policy may only name a defined calendar, each definition's
 * versions count up without gaps, and the changes form one ordered history. Changes are rare and the definitions few,
 * so one aggregate (loaded from its events, without snapshots) costs nothing and needs no check across aggregates;
 * its first change creates it.
 */
@Aggregate
public class SlaSetup {

    @AggregateIdentifier
    private String id;
    private final SlaDefinitions definitions = new SlaDefinitions();

    protected SlaSetup() {
        // for Axon: created by its first change, rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SlaChange handle(DefineSlaCalendar command, Clock clock) {
        Objects.requireNonNull(command.calendar(), "calendar");
        String calendarId = command.calendarId();
        long current = definitions.calendarVersion(calendarId);
        if (definitions.calendar(calendarId).filter(defined -> defined.calendar().equals(command.calendar())).isPresent()) {
            return new SlaChange(calendarId, current, false, false);
        }
        apply(new SlaCalendarDefined(calendarId, current + 1, command.calendar(), clock.instant()));
        return new SlaChange(calendarId, current + 1, current == 0, true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SlaChange handle(DefineSlaPolicy command, Clock clock) {
        SlaPolicyRules.check(command.policy(), definitions);
        String policyId = command.policyId();
        long current = definitions.policyVersion(policyId);
        boolean inForce = definitions.policy(policyId).isPresent();
        if (definitions.policy(policyId).filter(defined -> defined.policy().equals(command.policy())).isPresent()) {
            return new SlaChange(policyId, current, false, false);
        }
        apply(new SlaPolicyDefined(policyId, current + 1, command.policy(), clock.instant()));
        return new SlaChange(policyId, current + 1, !inForce, true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SlaChange handle(RemoveSlaPolicy command, Clock clock) {
        String policyId = command.policyId();
        if (definitions.policy(policyId).isEmpty()) {
            throw new UnknownSlaDefinition("No SLA policy " + policyId + " is in force.");
        }
        long version = definitions.policyVersion(policyId) + 1;
        apply(new SlaPolicyRemoved(policyId, version, clock.instant()));
        return new SlaChange(policyId, version, false, true);
    }

    @EventSourcingHandler
    void on(SlaCalendarDefined event) {
        changed(event);
    }

    @EventSourcingHandler
    void on(SlaPolicyDefined event) {
        changed(event);
    }

    @EventSourcingHandler
    void on(SlaPolicyRemoved event) {
        changed(event);
    }

    private void changed(SlaDefinitionEvent event) {
        id = SlaDefinitionEvent.STREAM;
        definitions.apply(event);
    }
}
