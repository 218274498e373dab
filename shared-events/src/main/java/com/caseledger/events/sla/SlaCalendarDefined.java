package com.caseledger.events.sla;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A business calendar was defined, or replaced by a new version. */
@Revision("1")
public record SlaCalendarDefined(String calendarId, long version, BusinessCalendar calendar, Instant occurredAt)
        implements SlaDefinitionEvent {

    @Override
    public String definitionId() {
        return calendarId;
    }
}
