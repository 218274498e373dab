package com.caseledger.command.casework.api;

import com.caseledger.command.casework.CaseCommand;
import com.caseledger.command.metadata.RequestMetadata;
import com.caseledger.platform.security.Role;
import com.caseledger.platform.security.SignedInUser;
import com.caseledger.platform.web.AccessRefused;
import com.caseledger.platform.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a case command as the signed-in user, with the request's correlation id and the case version its
 * {@code If-Match} header requires, and waits for its result.
 */
@Component
public class CaseCommandSender {

    public static final String IF_MATCH = "If-Match";
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final CommandGateway commandGateway;
    private final HttpServletRequest request;

    public CaseCommandSender(CommandGateway commandGateway, HttpServletRequest request) {
        this.commandGateway = commandGateway;
        this.request = request;
    }

    /** Opens a case: {@code If-Match} has no version to match yet and is not read. */
    public <R> R create(CaseCommand command) {
        return dispatch(command, null);
    }

    public <R> R send(CaseCommand command) {
        return dispatch(command, expectedVersion());
    }

    /**
     * Sends a command that names its author ({@code agentId} of a reply or note): an agent writes as themself; a
     * SUPERVISOR or ADMIN may write on someone's behalf, and the event then records both (the author named, the
     * signed-in user as actor). An import names whom the history it copies names.
     */
    public <R> R sendAuthoredBy(String field, String author, CaseCommand command) {
        SignedInUser user = SignedInUser.current();
        if (!command.imported() && !author.equals(user.name())
                && !user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
            throw new AccessRefused(field, "must be the signed-in user (" + user.name() + "); only a SUPERVISOR or "
                    + "ADMIN writes on someone's behalf");
        }
        return send(command);
    }

    private <R> R dispatch(CaseCommand command, Long expectedVersion) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(RequestMetadata.of(request, command, expectedVersion)));
    }

    /** The version {@code If-Match} requires: {@code "7"} (also {@code 7} or {@code W/"7"}); {@code *} is any. */
    private Long expectedVersion() {
        String given = request.getHeader(IF_MATCH);
        if (given == null || given.isBlank() || given.strip().equals("*")) {
            return null;
        }
        Matcher version = VERSION_TAG.matcher(given.strip());
        if (!version.matches()) {
            throw new InvalidInputException(IF_MATCH, "must be the case version the change is based on, such as "
                    + "\"7\" (the view's version or a command answer's ETag)");
        }
        return Long.parseLong(version.group(1));
    }
}
