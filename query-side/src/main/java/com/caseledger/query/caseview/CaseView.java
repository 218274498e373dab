package com.caseledger.query.caseview;

import com.caseledger.events.CaseStatus;
import com.caseledger.events.CaseType;
import com.caseledger.events.Category;
import com.caseledger.events.Channel;
import com.caseledger.events.Money;
import com.caseledger.events.Priority;
import com.caseledger.query.casefold.CaseTimeline;
import com.caseledger.query.casefold.FollowUpView;
import com.caseledger.query.casefold.RefundView;
import com.caseledger.query.casefold.SurveysView;

import java.time.Instant;
import java.util.List;

/**
 * A case as support agents and auditors read it. {@code resolvedAt} is the latest resolution while the case
 * is RESOLVED or CLOSED; durations are whole seconds and null until both of their events happened.
 */
public record CaseView(String caseId,
                       long version,
                       CaseType type,
                       CaseStatus status,
                       Channel channel,
                       Category category,
                       Priority priority,
                       String customerId,
                       String agentId,
                       String team,
                       String subject,
                       String description,
                       String orderId,
                       Money orderAmount,
                       Instant openedAt,
                       Instant firstReplyAt,
                       Instant firstResolvedAt,
                       Instant resolvedAt,
                       Instant closedAt,
                       Instant lastActivityAt,
                       int replies,
                       int reopens,
                       int customerMessages,
                       int notes,
                       int escalations,
                       String escalationLevel,
                       Long firstReplySeconds,
                       Long firstResolutionSeconds,
                       Long fullResolutionSeconds,
                       Long requesterWaitSeconds,
                       List<RefundView> refunds,
                       List<FollowUpView> followUps,
                       SurveysView surveys) {

    public static CaseView of(CaseTimeline c) {
        return new CaseView(c.caseId(), c.version(), c.type(), c.status(), c.channel(), c.category(), c.priority(),
                c.customerId(), c.agentId(), c.team(), c.subject(), c.description(), c.orderId(), c.orderAmount(),
                c.openedAt(), c.firstReplyAt(), c.firstResolvedAt(), c.resolvedAt(), c.closedAt(), c.lastActivityAt(),
                c.replies(), c.reopens(), c.customerMessages(), c.notes(), c.escalations(), c.escalationLevel(),
                c.firstReplySeconds(), c.firstResolutionSeconds(), c.fullResolutionSeconds(), c.requesterWaitSeconds(),
                c.refunds(), c.followUps(), c.surveys());
    }
}
