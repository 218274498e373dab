package com.caseledger.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.List;

/** Builds the RFC 9457 problem answers every CaseLedger endpoint gives. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:caseledger:problem:";
    /** Echoes of a client's input in an answer are cut to this many characters. */
    public static final int ECHO_LENGTH = 120;

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> invalidInput(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }

    public static ResponseEntity<ProblemDetail> notFound(String detail) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }

    public static ResponseEntity<ProblemDetail> conflict(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, type, title, detail));
    }

    /** A client's value as an answer may repeat it: cut short, so that a huge input is not sent back. */
    public static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= ECHO_LENGTH ? text : text.substring(0, ECHO_LENGTH) + "...";
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
