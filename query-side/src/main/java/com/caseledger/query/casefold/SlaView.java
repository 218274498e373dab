package com.caseledger.query.casefold;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A case's SLA targets under the policy it took, as read at an instant: a running target whose due instant has
 * passed shows BREACHED from then on.
 */
public record SlaView(String policyId,
                      long policyVersion,
                      @Schema(nullable = true, description = "the business calendar the targets count in; null for "
                              + "round-the-clock time") String calendarId,
                      @Schema(nullable = true) Long calendarVersion,
                      @Schema(nullable = true, description = "null when the policy has no first reply target")
                      SlaTargetView firstReply,
                      @Schema(nullable = true, description = "the current wait (or the latest answered one) for a "
                              + "reply to a customer message after the first reply; null when the policy has no next "
                              + "reply target or the customer has not written since the first reply")
                      SlaTargetView nextReply,
                      @Schema(nullable = true, description = "null when the policy has no resolution target")
                      SlaTargetView resolution) {
}
