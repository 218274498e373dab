package com.caseledger.command.metadata;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.events.EventMetadata;
import com.caseledger.platform.security.Role;
import com.caseledger.platform.security.SignedInUser;
import com.caseledger.platform.web.AccessRefused;
import com.caseledger.platform.web.RequestLogContext;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who a command is recorded as done by, and which conversation it belongs to. The actor is the signed-in user;
 * {@code X-Actor} may name someone else only on an import (an ADMIN's command with {@code occurredAt}), which then
 * also records the importing admin. An {@code X-Actor} naming the signed-in user is accepted anywhere.
 */
public final class RequestMetadata {

    public static final String ACTOR_HEADER = "X-Actor";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    /** Command metadata only: the case version an {@code If-Match} header requires. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    private static final int MAX_LENGTH = 200;

    private RequestMetadata() {
    }

    public static MetaData of(HttpServletRequest request, CaseCommand command, Long expectedVersion) {
        return of(request, command.imported(), expectedVersion);
    }

    /**
     * For a command that is no case's and records a change made now, never imported history: an SLA definition, an
     * erasure. The same rules for the signed-in user and {@code X-Actor} as a case's command.
     */
    public static MetaData ofChange(HttpServletRequest request) {
        return of(request, false, null);
    }

    private static MetaData of(HttpServletRequest request, boolean imported, Long expectedVersion) {
        SignedInUser user = SignedInUser.current();
        String named = header(request, ACTOR_HEADER);
        if (imported && !user.has(Role.ADMIN)) {
            throw new AccessRefused("occurredAt", "only an ADMIN imports history (a command with occurredAt); "
                    + "leave it out to record the change as happening now");
        }
        if (!imported && named != null && !named.equals(user.name())) {
            throw new AccessRefused(ACTOR_HEADER, "names someone other than the signed-in user; only an ADMIN "
                    + "importing history (a command with occurredAt) may name the actor");
        }
        Map<String, Object> data = new HashMap<>();
        data.put(EventMetadata.ACTOR, imported && named != null ? named : user.name());
        data.put(EventMetadata.CAUSED_BY, user.name());
        data.put(EventMetadata.CORRELATION_ID, correlationId(request));
        if (imported) {
            data.put(EventMetadata.IMPORTED_BY, user.name());
        }
        if (expectedVersion != null) {
            data.put(EXPECTED_VERSION, expectedVersion);
        }
        return MetaData.from(data);
    }

    private static String correlationId(HttpServletRequest request) {
        if (request.getAttribute(RequestLogContext.CORRELATION_ATTRIBUTE) instanceof String logged) {
            return logged;
        }
        String given = header(request, CORRELATION_HEADER);
        return given != null ? given : UUID.randomUUID().toString();
    }

    private static String header(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }
}
