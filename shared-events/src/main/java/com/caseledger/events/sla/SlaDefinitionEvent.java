package com.caseledger.events.sla;

import java.time.Instant;

/**
 * A change of the SLA definitions: a calendar or a policy defined, or a policy removed. All of them are recorded in
 * one stream, {@link #STREAM}, in the order they were decided, so the definitions at any instant are the fold of the
 * stream's events recorded up to it.
 */
public sealed interface SlaDefinitionEvent permits SlaCalendarDefined, SlaPolicyDefined, SlaPolicyRemoved {

    /** The identifier of the stream that holds every SLA definition change (case ids are UUIDs, so never this). */
    String STREAM = "sla-definitions";

    /** The calendar's or the policy's id. */
    String definitionId();

    /** The version of that definition this change produced: 1 for its first, one more for each later change. */
    long version();

    Instant occurredAt();
}
