package com.caseledger.command.metadata;

import com.caseledger.events.EventMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;

import java.util.Map;
import java.util.UUID;

/** Reads who is asking and which conversation a request belongs to from its headers. */
public final class RequestMetadata {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final int MAX_LENGTH = 200;

    private RequestMetadata() {
    }

    public static MetaData of(HttpServletRequest request) {
        return MetaData.from(Map.of(
                EventMetadata.ACTOR, headerOr(request, ACTOR_HEADER, EventMetadata.ANONYMOUS),
                EventMetadata.CORRELATION_ID, headerOr(request, CORRELATION_HEADER, UUID.randomUUID().toString())));
    }

    private static String headerOr(HttpServletRequest request, String header, String fallback) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.strip();
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }
}
