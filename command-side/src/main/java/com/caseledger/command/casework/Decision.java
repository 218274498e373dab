package com.caseledger.command.casework;

import com.caseledger.events.CaseEvent;
import com.caseledger.events.EventMetadata;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * What a capability decided about a case: the events to record, in order, each under the actor who asked or under
 * the system when CaseLedger decided it itself. The case applies them; nothing is recorded until it does.
 */
public final class Decision {

    private final List<Entry> entries = new ArrayList<>();

    private Decision() {
    }

    /** Nothing to record (an idempotent repeat). */
    public static Decision nothing() {
        return new Decision();
    }

    public static Decision record(CaseEvent event) {
        return nothing().and(event);
    }

    public Decision and(CaseEvent event) {
        entries.add(new Entry(event, MetaData.emptyInstance()));
        return this;
    }

    /** An event the system decides on its own, recorded with actor {@code system}. */
    public Decision andBySystem(CaseEvent event) {
        entries.add(new Entry(event, MetaData.with(EventMetadata.ACTOR, EventMetadata.SYSTEM)));
        return this;
    }

    /** This decision followed by what another part of the case decided. */
    public Decision then(Decision next) {
        entries.addAll(next.entries);
        return this;
    }

    public boolean recordsNothing() {
        return entries.isEmpty();
    }

    /** Applies the events to the case whose command is being handled. */
    public void applyToCase() {
        entries.forEach(entry -> AggregateLifecycle.apply(entry.event(), entry.metaData()));
    }

    private record Entry(CaseEvent event, MetaData metaData) {
    }
}
