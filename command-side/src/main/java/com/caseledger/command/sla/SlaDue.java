package com.caseledger.command.sla;

import com.caseledger.events.sla.SlaTargetKind;

import java.time.Instant;

/** What an SLA timer carries: the target it watches and the due instant it was set for. */
public record SlaDue(SlaTargetKind target, Instant dueAt) {
}
