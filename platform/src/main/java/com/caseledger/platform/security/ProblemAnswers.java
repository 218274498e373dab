package com.caseledger.platform.security;

import com.caseledger.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.List;

/** 401 (no or wrong credentials) and 403 (a role that may not) as problem+json, like every other refusal. */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value a 401 carries, naming how to sign in */
    ProblemAnswers(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                "Sign in to use this endpoint: give a user's name and password, or a valid bearer token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for your role",
                "Your roles do not allow " + request.getMethod() + " " + Problems.echo(request.getRequestURI())
                        + "; nothing was recorded.");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title,
                              String detail) throws IOException {
        if (!response.isCommitted()) {
            Problems.write(response, status, type, title, detail, List.of());
        }
    }
}
