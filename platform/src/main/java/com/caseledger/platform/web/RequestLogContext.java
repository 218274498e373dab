package com.caseledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Every log line of a request names its correlation id and its signed-in user (MDC keys {@code correlationId} and
 * {@code user}); the answer carries the correlation id back in {@code X-Correlation-Id}, and the commands of the
 * request record the same id. The user is {@code -} until sign-in has run. With the logger {@code caseledger.access} at INFO, each request also gets one access
 * line: method, path, status, milliseconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestLogContext extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** The request attribute that holds the request's correlation id. */
    public static final String CORRELATION_ATTRIBUTE = RequestLogContext.class.getName() + ".correlationId";
    private static final int MAX_LENGTH = 200;
    private static final Logger access = LoggerFactory.getLogger("caseledger.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String correlationId = correlationId(request);
        request.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        MDC.put("correlationId", correlationId);
        MDC.put("user", "-");
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled()) {
                access.info("{} {} {} {} ms", request.getMethod(), Problems.echo(request.getRequestURI()),
                        response.getStatus(), (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove("correlationId");
            MDC.remove("user");
        }
    }

    /** The client's id if it is one line of at most 200 characters (else the request is refused later), or a new one. */
    private static String correlationId(HttpServletRequest request) {
        String given = request.getHeader(CORRELATION_HEADER);
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String trimmed = given.strip();
        if (trimmed.length() > MAX_LENGTH || RequestText.singleLineProblem(trimmed).isPresent()) {
            return UUID.randomUUID().toString();
        }
        return trimmed;
    }

    /** Names the signed-in user in the log lines of the request, once sign-in has run. */
    @Component
    @Order(-50)
    static class SignedIn extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && !(authentication instanceof AnonymousAuthenticationToken)) {
                MDC.put("user", authentication.getName().replaceAll("\\p{Cntrl}", "?"));
            }
            chain.doFilter(request, response);
        }
    }
}
