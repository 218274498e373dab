package com.caseledger.command.casework;

/**
 * A command the signed-in user may not give on this case because of who they are, such as approving their own
 * request (four eyes): answered 403, nothing recorded.
 */
public class NotPermitted extends RuntimeException {

    private final String problemType;
    private final String title;

    public NotPermitted(String problemType, String title, String message) {
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
