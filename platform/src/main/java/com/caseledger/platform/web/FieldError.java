package com.caseledger.platform.web;

/** One input field that was refused, as listed in a problem's {@code errors}. */
public record FieldError(String field, String message) {
}
