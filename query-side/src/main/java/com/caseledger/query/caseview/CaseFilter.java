package com.caseledger.query.caseview;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Priority;

import java.time.Instant;

/** The case list's filters; a null field does not filter. {@code openedTo} is exclusive. */
public record CaseFilter(CaseStatus status, CaseType type, Channel channel, Category category, Priority priority,
                         String agentId, String customerId, Instant openedFrom, Instant openedTo) {
}
