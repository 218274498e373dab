package com.caseledger.command.casework;

/**
 * A command the case's rules or current state forbid; the message is meant for a support agent. Answered 409 with
 * the problem type and title a capability gives its own refusals.
 */
public class CaseRuleViolation extends RuntimeException {

    private final String problemType;
    private final String title;

    public CaseRuleViolation(String message) {
        this("rule-violation", "Refused by the case's rules", message);
    }

    protected CaseRuleViolation(String problemType, String title, String message) {
        super(message);
        this.problemType = problemType;
        this.title = title;
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
