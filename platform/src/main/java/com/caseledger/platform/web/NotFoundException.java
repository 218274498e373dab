package com.caseledger.platform.web;

/** The case or sub-resource asked for does not exist: answered 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
