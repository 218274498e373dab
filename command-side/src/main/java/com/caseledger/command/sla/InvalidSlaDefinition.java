package com.caseledger.command.sla;

/** A definition that can never be accepted as it is; names the field by its path in the request's JSON. */
public class InvalidSlaDefinition extends RuntimeException {

    private final String field;

    public InvalidSlaDefinition(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
