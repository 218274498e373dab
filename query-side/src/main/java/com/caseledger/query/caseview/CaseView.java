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
import com.caseledger.query.casefold.SlaClocks;
import com.caseledger.query.casefold.SlaView;
import com.caseledger.query.casefold.SurveysView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A case as support agents and auditors read it. {@code resolvedAt} is the latest resolution while the case
 * is RESOLVED or CLOSED; durations are whole seconds and null until both of their events happened. SLA targets are
 * measured at the instant of the read.
 */
public record CaseView(String caseId,
                       long version,
                       CaseType type,
                       CaseStatus status,
                       Channel channel,
                       Category category,
                       Priority priority,
                       String customerId,
                       @Schema(nullable = true, description = "null until the case is assigned") String agentId,
                       @Schema(nullable = true) String team,
                       String subject,
                       @Schema(nullable = true) String description,
                       @Schema(nullable = true) String orderId,
                       @Schema(nullable = true) Money orderAmount,
                       Instant openedAt,
                       @Schema(nullable = true, description = "null until the first public reply") Instant firstReplyAt,
                       @Schema(nullable = true, description = "null until first resolved") Instant firstResolvedAt,
                       @Schema(nullable = true, description = "the latest resolution; null unless RESOLVED or CLOSED")
                       Instant resolvedAt,
                       @Schema(nullable = true, description = "null unless CLOSED") Instant closedAt,
                       Instant lastActivityAt,
                       int replies,
                       int reopens,
                       int customerMessages,
                       int notes,
                       int escalations,
                       @Schema(nullable = true) String escalationLevel,
                       @Schema(nullable = true, description = "null until the first public reply") Long firstReplySeconds,
                       @Schema(nullable = true, description = "null until first resolved") Long firstResolutionSeconds,
                       @Schema(nullable = true, description = "null unless RESOLVED or CLOSED") Long fullResolutionSeconds,
                       @Schema(nullable = true, description = "null until first resolved") Long requesterWaitSeconds,
                       List<RefundView> refunds,
                       List<FollowUpView> followUps,
                       SurveysView surveys,
                       @Schema(nullable = true, description = "the case's SLA targets as of this read (breaches are "
                               + "shown as of the read); null when no SLA policy applies to the case")
                       SlaView sla,
                       @Schema(description = "true while events of the case are parked in the projections' dead-letter "
                               + "queue (GET /api/admin/dead-letters), or after they were evicted from it until the "
                               + "projections are rebuilt: the view, or the case list's item, lacks them; always false in "
                               + "a view as of an instant, which folds the events from the store")
                       boolean behind) {

    /** The case as read at {@code now}: SLA targets whose due instant has passed unmet show BREACHED. */
    public static CaseView of(CaseTimeline c, Instant now) {
        return of(c, now, false);
    }

    /** The case as read at {@code now}, saying whether events of the case are parked and not in the view. */
    public static CaseView of(CaseTimeline c, Instant now, boolean behind) {
        SlaClocks sla = c.slaClocks();
        return new CaseView(c.caseId(), c.version(), c.type(), c.status(), c.channel(), c.category(), c.priority(),
                c.customerId(), c.agentId(), c.team(), c.subject(), c.description(), c.orderId(), c.orderAmount(),
                c.openedAt(), c.firstReplyAt(), c.firstResolvedAt(), c.resolvedAt(), c.closedAt(), c.lastActivityAt(),
                c.replies(), c.reopens(), c.customerMessages(), c.notes(), c.escalations(), c.escalationLevel(),
                c.firstReplySeconds(), c.firstResolutionSeconds(), c.fullResolutionSeconds(), c.requesterWaitSeconds(),
                c.refunds(), c.followUps(), c.surveys(), sla == null ? null : sla.at(now), behind);
    }
}
