package com.caseledger.events.sla;

import java.time.Instant;
import java.util.List;

/**
 * What a case's SLA clocks are measured from. The command side (which records breaches and met targets) and the
 * query side (which shows due instants) each fold these from the case's events and measure them with
 * {@link CaseSlaReadings#measure}, so both give the same answer.
 */
public interface SlaFacts {

    /** Every status the case entered, oldest first, starting with OPEN at its opening. */
    List<? extends StatusMark> statusChanges();

    Instant openedAt();

    /** The first public agent reply; null before it. */
    Instant firstReplyAt();

    /** The oldest customer message after the first reply not yet answered, or the latest such wait answered. */
    Instant replyWaitStartedAt();

    /** The reply that ended the wait that began at {@link #replyWaitStartedAt()}; null while the customer waits. */
    Instant replyWaitAnsweredAt();

    /** The latest resolution while the case is RESOLVED or CLOSED; null while it is OPEN or PENDING. */
    Instant resolvedAt();
}
