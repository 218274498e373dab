package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaDefinitions;

/** Where a case finds the SLA definitions in force when it takes a policy. */
public interface SlaPolicyCatalog {

    /** The calendars and policies as every change answered so far left them. */
    SlaDefinitions definitionsInForce();
}
