package com.caseledger.events;

import com.caseledger.events.sla.SlaTargetKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An SLA target of the case passed unmet. It happened at the target's due instant, so {@code occurredAt} is
 * {@code dueAt}, even when it is recorded later (a timer that fired late, imported history). A resolution target
 * met before a reopen can still be breached after it: the latest outcome of a target counts.
 *
 * @param waitStartedAt for a next reply target, when the wait it measures began; null for the other kinds
 */
@Revision("1")
public record SlaTargetBreached(String caseId, SlaTargetKind target, String policyId, Instant waitStartedAt,
                                Instant dueAt, Instant occurredAt) implements CaseEvent {
}
