package com.caseledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A request body larger than {@code caseledger.web.max-body-size} is refused with 413 before anything reads it: a
 * declared length at once, a body sent without one once it has passed the limit. The largest valid request (a case
 * opened with a description of 20,000 characters) is far below the default.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimit(WebSettings settings) {
        this.maxBytes = settings.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new ReadAheadBody(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                "The request body is larger than " + maxBytes + " bytes, more than any CaseLedger request needs.",
                List.of(new FieldError("$", "is larger than " + maxBytes + " bytes")));
    }
}
