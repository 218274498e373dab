package com.caseledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the RFC 9457 problem answers every CaseLedger endpoint gives. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:caseledger:problem:";
    /** Echoes of a client's input in an answer are cut to this many characters. */
    public static final int ECHO_LENGTH = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * Writes a problem answer straight to the servlet response, for refusals made before Spring MVC sees the request
     * (servlet filters, sign-in); {@code errors} is left out when empty.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                             List<FieldError> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
