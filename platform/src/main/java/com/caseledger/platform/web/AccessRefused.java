package com.caseledger.platform.web;

import java.util.List;

/** A signed-in user asking for something their roles do not allow, because of what the request names: 403. */
public class AccessRefused extends RuntimeException {

    private final String field;

    public AccessRefused(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public List<FieldError> errors() {
        return List.of(new FieldError(field, getMessage().substring(field.length() + 2)));
    }
}
