package com.caseledger.command.cases.api;

import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.platform.web.SingleLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The JSON bodies of the case commands, as API.md names their fields. */
final class CaseRequests {

    static final int ID_LENGTH = 100;
    static final int TEXT_LENGTH = 20_000;
    static final String OCCURRED_AT = "When it happened, for backfilled history: not before the case's latest event, not in the future. Default: now.";

    private CaseRequests() {
    }

    record OpenCaseRequest(@NotNull CaseType type,
                           @NotNull Channel channel,
                           @NotBlank @SingleLine @Size(max = ID_LENGTH) String customerId,
                           @NotBlank @Size(max = 500) String subject,
                           @Size(max = TEXT_LENGTH) String description,
                           @Schema(defaultValue = "NORMAL") Priority priority,
                           @Schema(defaultValue = "OTHER") Category category,
                           @SingleLine @Size(max = ID_LENGTH) String orderId,
                           @Schema(description = "what the order was paid; needs orderId. Refunds on the case never exceed it")
                           @Valid Money orderAmount,
                           @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record CustomerMessageRequest(@NotBlank @Size(max = TEXT_LENGTH) String body,
                                  Channel channel,
                                  @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record ReplyRequest(@NotBlank @SingleLine @Size(max = ID_LENGTH) String agentId,
                        @NotBlank @Size(max = TEXT_LENGTH) String body,
                        @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record NoteRequest(@NotBlank @SingleLine @Size(max = ID_LENGTH) String agentId,
                       @NotBlank @Size(max = TEXT_LENGTH) String body,
                       @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record AssignRequest(@NotBlank @SingleLine @Size(max = ID_LENGTH) String agentId,
                         @SingleLine @Size(max = ID_LENGTH) String team,
                         @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record PrioritizeRequest(@NotNull Priority priority,
                             @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record EscalateRequest(@NotBlank @Size(max = TEXT_LENGTH) String reason,
                           @SingleLine @Size(max = ID_LENGTH) String level,
                           @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record AwaitCustomerRequest(@Size(max = TEXT_LENGTH) String reason,
                                @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record ResolveRequest(@NotBlank @SingleLine @Size(max = ID_LENGTH) String resolutionCode,
                          @Size(max = TEXT_LENGTH) String summary,
                          @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record ReopenRequest(@NotBlank @Size(max = TEXT_LENGTH) String reason,
                         @Schema(description = OCCURRED_AT) Instant occurredAt) {
    }

    record CloseRequest(@Schema(description = OCCURRED_AT) Instant occurredAt) {
    }
}
