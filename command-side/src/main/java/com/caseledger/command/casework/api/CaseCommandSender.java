package com.caseledger.command.casework.api;

import com.caseledger.command.metadata.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a case command with the request's actor and correlation id, and waits for its result. */
@Component
public class CaseCommandSender {

    private final CommandGateway commandGateway;
    private final HttpServletRequest request;

    public CaseCommandSender(CommandGateway commandGateway, HttpServletRequest request) {
        this.commandGateway = commandGateway;
        this.request = request;
    }

    public <R> R send(Object command) {
        return commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(RequestMetadata.of(request)));
    }
}
