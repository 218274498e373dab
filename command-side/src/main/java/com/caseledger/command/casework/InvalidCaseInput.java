package com.caseledger.command.casework;

/** A command whose input can never be accepted, whatever the case's state; names the field. */
public class InvalidCaseInput extends RuntimeException {

    private final String field;

    public InvalidCaseInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
