package com.caseledger.command.cases;

/** A command the case's rules or current state forbid; the message is meant for a support agent. */
public class CaseRuleViolation extends RuntimeException {

    public CaseRuleViolation(String message) {
        super(message);
    }
}
