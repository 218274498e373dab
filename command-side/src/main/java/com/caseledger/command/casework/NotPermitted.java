package com.caseledger.command.casework;

/**
 * A rule about who may give a command on this case, such as approving one's own request (four eyes): the signed-in
 * user may not, whatever the case's state. Answered 403 rather than 409, nothing recorded.
 */
public class NotPermitted extends CaseRuleViolation {

    public NotPermitted(String problemType, String title, String message) {
        super(problemType, title, message);
    }
}
