package com.caseledger.command.refunds.api;

import com.caseledger.command.casework.CaseCommandResult;
import com.caseledger.command.casework.CaseVersion;
import com.caseledger.command.casework.api.CaseCommandSender;
import com.caseledger.command.refunds.ApproveRefund;
import com.caseledger.command.refunds.FailRefund;
import com.caseledger.command.refunds.IssueRefund;
import com.caseledger.command.refunds.RejectRefund;
import com.caseledger.command.refunds.RequestRefund;
import com.caseledger.events.Money;
import com.caseledger.events.RefundKind;
import com.caseledger.platform.web.SingleLine;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** After-sales requests on a case: request, approve or reject, then issue or fail. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/refunds", produces = "application/json")
@Tag(name = "After-sales", description = "Refunds, returns, exchanges and repairs; money never exceeds the order's amount")
public class RefundCommandController {

    private static final String OCCURRED_AT = "When it happened, for backfilled history. Default: now.";

    private final CaseCommandSender sender;

    public RefundCommandController(CaseCommandSender sender) {
        this.sender = sender;
    }

    public record RefundRequest(@NotNull RefundKind kind,
                                @Schema(description = "required for REFUND_ONLY and RETURN_AND_REFUND, absent for EXCHANGE and REPAIR;"
                                        + " in the order's currency, and with the case's other refunds at most the order's amount")
                                Money amount,
                                @NotBlank @Size(max = 20_000) String reason,
                                @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record ApproveRequest(@SingleLine @Size(max = 100) String approverId, @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record RejectRequest(@NotBlank @Size(max = 20_000) String reason, @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record IssueRequest(@Schema(description = "the payment reference; for EXCHANGE or REPAIR the shipment or work-order reference")
                               @JsonAlias("reference") @NotBlank @SingleLine @Size(max = 200) String paymentReference,
                               @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    public record FailRequest(@NotBlank @Size(max = 20_000) String reason, @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RefundAnswer(String caseId, long version, String refundId) implements CaseVersion {
    }

    @PostMapping
    @Operation(summary = "Request a refund, return, exchange or repair (small refunds are approved at once by the system)")
    @ApiResponse(responseCode = "201", description = "The request is recorded; refundId names it",
            headers = @Header(name = "Location", description = "The case's path, whose view lists the request",
                    required = true, schema = @Schema(type = "string")))
    public ResponseEntity<RefundAnswer> request(@PathVariable String caseId, @Valid @RequestBody RefundRequest body) {
        String refundId = UUID.randomUUID().toString();
        CaseCommandResult result = sender.send(new RequestRefund(caseId, refundId, body.kind(), body.amount(), body.reason(),
                body.occurredAt()));
        return ResponseEntity.created(URI.create("/api/cases/" + caseId))
                .body(new RefundAnswer(caseId, result.version(), refundId));
    }

    @PostMapping("/{refundId}/approve")
    @Operation(summary = "Approve a REQUESTED refund")
    public CaseCommandResult approve(@PathVariable String caseId, @PathVariable String refundId,
                                     @Valid @RequestBody(required = false) ApproveRequest body) {
        ApproveRequest given = body != null ? body : new ApproveRequest(null, null);
        return sender.send(new ApproveRefund(caseId, refundId, given.approverId(), given.occurredAt()));
    }

    @PostMapping("/{refundId}/reject")
    @Operation(summary = "Reject a REQUESTED refund")
    public CaseCommandResult reject(@PathVariable String caseId, @PathVariable String refundId,
                                    @Valid @RequestBody RejectRequest body) {
        return sender.send(new RejectRefund(caseId, refundId, body.reason(), body.occurredAt()));
    }

    @PostMapping("/{refundId}/issue")
    @Operation(summary = "Record an APPROVED refund as issued; the same reference again changes nothing")
    public CaseCommandResult issue(@PathVariable String caseId, @PathVariable String refundId,
                                   @Valid @RequestBody IssueRequest body) {
        return sender.send(new IssueRefund(caseId, refundId, body.paymentReference(), body.occurredAt()));
    }

    @PostMapping("/{refundId}/fail")
    @Operation(summary = "Record that issuing an APPROVED refund failed")
    public CaseCommandResult fail(@PathVariable String caseId, @PathVariable String refundId,
                                  @Valid @RequestBody FailRequest body) {
        return sender.send(new FailRefund(caseId, refundId, body.reason(), body.occurredAt()));
    }
}
