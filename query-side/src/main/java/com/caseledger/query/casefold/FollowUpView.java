package com.caseledger.query.casefold;

import com.caseledger.events.FollowUpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A follow-up call on a case as it stands. */
public record FollowUpView(String followUpId, FollowUpStatus status, Instant scheduledFor,
                           @Schema(nullable = true) String purpose,
                           boolean automatic, Instant scheduledAt, int reschedules,
                           @Schema(nullable = true, minimum = "1", maximum = "5") Integer satisfaction,
                           @Schema(nullable = true) String notes,
                           @Schema(nullable = true, description = "null unless COMPLETED") Instant completedAt,
                           @Schema(nullable = true) String missReason,
                           @Schema(nullable = true, description = "null unless MISSED") Instant missedAt) {

    static FollowUpView scheduled(String followUpId, Instant scheduledFor, String purpose, boolean automatic, Instant at) {
        return new FollowUpView(followUpId, FollowUpStatus.SCHEDULED, scheduledFor, purpose, automatic, at, 0, null, null,
                null, null, null);
    }

    FollowUpView rescheduled(Instant to) {
        return new FollowUpView(followUpId, FollowUpStatus.SCHEDULED, to, purpose, automatic, scheduledAt, reschedules + 1,
                null, null, null, null, null);
    }

    FollowUpView completed(Integer score, String callNotes, Instant at) {
        return new FollowUpView(followUpId, FollowUpStatus.COMPLETED, scheduledFor, purpose, automatic, scheduledAt,
                reschedules, score, callNotes, at, null, null);
    }

    FollowUpView missed(String reason, Instant at) {
        return new FollowUpView(followUpId, FollowUpStatus.MISSED, scheduledFor, purpose, automatic, scheduledAt,
                reschedules, null, null, null, reason, at);
    }

    /** The call with its purpose, notes and reason erased. */
    FollowUpView erased() {
        return new FollowUpView(followUpId, status, scheduledFor, CaseTimeline.erased(purpose), automatic, scheduledAt,
                reschedules, satisfaction, CaseTimeline.erased(notes), completedAt, CaseTimeline.erased(missReason),
                missedAt);
    }
}
