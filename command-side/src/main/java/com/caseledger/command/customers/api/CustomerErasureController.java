package com.caseledger.command.customers.api;

import com.caseledger.command.customers.EraseCustomer;
import com.caseledger.command.customers.ErasureResult;
import com.caseledger.command.metadata.RequestMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a customer's personal data by destroying its keys (ADMIN only, see AccessRules). */
@RestController
@Tag(name = "Customers", description = "The customers' personal data")
public class CustomerErasureController {

    private final CommandGateway commandGateway;
    private final HttpServletRequest request;

    public CustomerErasureController(CommandGateway commandGateway, HttpServletRequest request) {
        this.commandGateway = commandGateway;
        this.request = request;
    }

    @PostMapping(path = "/api/customers/{customerId}/erase", produces = "application/json")
    @Operation(summary = "Erase the customer's personal data: every text recorded about them (subjects, descriptions, "
            + "messages, replies, notes, reasons, call notes) reads as \"[erased]\" from now on; identifiers and "
            + "figures stay. Erasing again, or a customer with nothing recorded, destroys nothing and answers 0 keys")
    public ErasureResult erase(@PathVariable String customerId) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new EraseCustomer(customerId))
                .andMetaData(RequestMetadata.ofChange(request)));
    }
}
