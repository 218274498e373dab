package com.caseledger.command.cases.api;

import com.caseledger.command.cases.AddInternalNote;
import com.caseledger.command.cases.AssignCase;
import com.caseledger.command.cases.AwaitCustomer;
import com.caseledger.command.cases.CloseCase;
import com.caseledger.command.cases.EscalateCase;
import com.caseledger.command.cases.OpenCase;
import com.caseledger.command.cases.PrioritizeCase;
import com.caseledger.command.cases.RecordCustomerMessage;
import com.caseledger.command.cases.ReopenCase;
import com.caseledger.command.cases.ReplyToCustomer;
import com.caseledger.command.cases.ResolveCase;
import com.caseledger.command.cases.api.CaseRequests.AssignRequest;
import com.caseledger.command.cases.api.CaseRequests.AwaitCustomerRequest;
import com.caseledger.command.cases.api.CaseRequests.CloseRequest;
import com.caseledger.command.cases.api.CaseRequests.CustomerMessageRequest;
import com.caseledger.command.cases.api.CaseRequests.EscalateRequest;
import com.caseledger.command.cases.api.CaseRequests.NoteRequest;
import com.caseledger.command.cases.api.CaseRequests.OpenCaseRequest;
import com.caseledger.command.cases.api.CaseRequests.PrioritizeRequest;
import com.caseledger.command.cases.api.CaseRequests.ReopenRequest;
import com.caseledger.command.cases.api.CaseRequests.ReplyRequest;
import com.caseledger.command.cases.api.CaseRequests.ResolveRequest;
import com.caseledger.command.casework.CaseCommand;
import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.api.CaseCommandSender;
import com.caseledger.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** The case commands of the HTTP contract: parse, send, answer the case's version. */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json")
@Tag(name = "Case commands", description = "Open and work customer cases; every accepted command is recorded as an event")
public class CaseCommandController {

    private final CaseCommandSender sender;

    public CaseCommandController(CaseCommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    @Operation(summary = "Open a case")
    @ApiResponse(responseCode = "201", description = "The case is opened at version 0, or at version 1 when it takes an "
            + "SLA policy",
            headers = @Header(name = "Location", description = "The new case's path", required = true,
                    schema = @Schema(type = "string", example = "/api/cases/0b5d7a52-8f0e-4d5c-9a43-2f1e6c1d7b10")))
    public ResponseEntity<CaseCommandResult> open(@Valid @RequestBody OpenCaseRequest body) {
        if (body.orderAmount() != null && (body.orderId() == null || body.orderId().isBlank())) {
            throw new InvalidInputException("orderId", "is required when orderAmount is given");
        }
        String caseId = UUID.randomUUID().toString();
        CaseCommandResult opened = sender.create(new OpenCase(caseId, body.type(), body.channel(), body.category(), body.priority(), body.customerId(),
                body.subject(), body.description(), body.orderId(), body.orderAmount(), body.occurredAt()));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(opened);
    }

    @PostMapping("/{caseId}/customer-messages")
    @Operation(summary = "Record a customer message (reopens work on a PENDING case; reopens a RESOLVED case)")
    public CaseCommandResult customerMessage(@PathVariable String caseId, @Valid @RequestBody CustomerMessageRequest body) {
        return send(new RecordCustomerMessage(caseId, body.body(), body.channel(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/replies")
    @Operation(summary = "Record a public agent reply")
    public CaseCommandResult reply(@PathVariable String caseId, @Valid @RequestBody ReplyRequest body) {
        return sender.sendAuthoredBy("agentId", body.agentId(),
                new ReplyToCustomer(caseId, body.agentId(), body.body(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/notes")
    @Operation(summary = "Add an internal note (never counts as a reply)")
    public CaseCommandResult note(@PathVariable String caseId, @Valid @RequestBody NoteRequest body) {
        return sender.sendAuthoredBy("agentId", body.agentId(),
                new AddInternalNote(caseId, body.agentId(), body.body(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/assign")
    @Operation(summary = "Assign the case to an agent")
    public CaseCommandResult assign(@PathVariable String caseId, @Valid @RequestBody AssignRequest body) {
        return send(new AssignCase(caseId, body.agentId(), body.team(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/prioritize")
    @Operation(summary = "Change the case's priority")
    public CaseCommandResult prioritize(@PathVariable String caseId, @Valid @RequestBody PrioritizeRequest body) {
        return send(new PrioritizeCase(caseId, body.priority(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/escalate")
    @Operation(summary = "Escalate the case")
    public CaseCommandResult escalate(@PathVariable String caseId, @Valid @RequestBody EscalateRequest body) {
        return send(new EscalateCase(caseId, body.reason(), body.level(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/await-customer")
    @Operation(summary = "Wait for the customer (the case becomes PENDING)")
    public CaseCommandResult awaitCustomer(@PathVariable String caseId,
                                           @Valid @RequestBody(required = false) AwaitCustomerRequest body) {
        AwaitCustomerRequest given = body != null ? body : new AwaitCustomerRequest(null, null);
        return send(new AwaitCustomer(caseId, given.reason(), given.occurredAt()));
    }

    @PostMapping("/{caseId}/resolve")
    @Operation(summary = "Resolve the case (from OPEN or PENDING)")
    public CaseCommandResult resolve(@PathVariable String caseId, @Valid @RequestBody ResolveRequest body) {
        return send(new ResolveCase(caseId, body.resolutionCode(), body.summary(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/reopen")
    @Operation(summary = "Reopen a RESOLVED case")
    public CaseCommandResult reopen(@PathVariable String caseId, @Valid @RequestBody ReopenRequest body) {
        return send(new ReopenCase(caseId, body.reason(), body.occurredAt()));
    }

    @PostMapping("/{caseId}/close")
    @Operation(summary = "Close a RESOLVED case for good")
    public CaseCommandResult close(@PathVariable String caseId, @Valid @RequestBody(required = false) CloseRequest body) {
        return send(new CloseCase(caseId, body != null ? body.occurredAt() : null));
    }

    private <R> R send(CaseCommand command) {
        return sender.send(command);
    }
}
