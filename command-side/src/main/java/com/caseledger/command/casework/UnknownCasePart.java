package com.caseledger.command.casework;

/** A refund or follow-up call the case does not have. */
public class UnknownCasePart extends RuntimeException {

    public UnknownCasePart(String message) {
        super(message);
    }
}
