package com.caseledger.command.sla;

/** A change of a policy that is not in force (never defined, or removed). */
public class UnknownSlaDefinition extends RuntimeException {

    public UnknownSlaDefinition(String message) {
        super(message);
    }
}
