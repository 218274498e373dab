package com.caseledger.command.sla;

import com.caseledger.events.sla.BusinessCalendar;
import com.caseledger.events.sla.SlaDefinitionEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a business calendar, or replace the one of that id. */
public record DefineSlaCalendar(String calendarId, BusinessCalendar calendar) {

    @TargetAggregateIdentifier
    public String definitions() {
        return SlaDefinitionEvent.STREAM;
    }
}
