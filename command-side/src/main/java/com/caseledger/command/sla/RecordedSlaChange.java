package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaDefinitionEvent;

import java.time.Instant;

/** One recorded change of the SLA definitions, with who made it and when the store took it. */
public record RecordedSlaChange(long sequence, String eventId, SlaDefinitionEvent event, Instant recordedAt,
                                String actor, String causedBy, String correlationId) {
}
