package com.caseledger.query.followups;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.FollowUpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One call on a caller's worklist, with the customer and case it is about. */
public record WorklistItem(String caseId, String followUpId, FollowUpStatus status, Instant scheduledFor,
                           @Schema(nullable = true) String purpose,
                           boolean automatic, String customerId, String subject, CaseStatus caseStatus) {
}
