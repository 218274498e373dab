package com.caseledger.events.sla;

/**
 * The three kinds of SLA target a policy may set. Each case has at most one first reply and one resolution target;
 * every wait of the customer for an answer after the first reply is a next reply target of its own.
 */
public enum SlaTargetKind {
    FIRST_REPLY, NEXT_REPLY, RESOLUTION
}
