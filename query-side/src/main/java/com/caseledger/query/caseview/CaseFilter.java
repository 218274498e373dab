package com.caseledger.query.caseview;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;
import com.caseledger.query.casefold.SlaStatus;

import java.time.Instant;

/**
 * The case list's filters; a null field does not filter. {@code openedTo} is exclusive; {@code slaStatus} admits a
 * case with any SLA target in that status as read at {@code now}.
 */
public record CaseFilter(CaseStatus status, CaseType type, Channel channel, Category category, Priority priority,
                         String agentId, String customerId, Instant openedFrom, Instant openedTo, SlaStatus slaStatus,
                         Instant now) {
}
