package com.caseledger.command.casework;

import com.caseledger.events.Money;

import java.time.Instant;
import java.util.function.Function;

/**
 * The case a part of it (its lifecycle, after-sales requests, follow-up calls, SLA) belongs to, as that part sees it
 * while the case handles one of its commands or timers. A handler of a part takes it as a parameter
 * ({@link OwningCaseParameters}); the parts import neither the case nor each other.
 */
public interface OwningCase {

    String caseId();

    /** The order the case is about, if any. */
    String orderId();

    /** What the customer paid for that order, if known. */
    Money orderAmount();

    /**
     * The case's status guard for the action, then when the command happened, then what the part decides at that
     * instant, recorded with the SLA steps around it. Answers the case's version after it.
     */
    CaseCommandResult decide(CaseAction action, CaseCommand command, Function<Instant, Decision> decision);

    /** The case's version as it stands, for a command that repeats what is already recorded. */
    CaseCommandResult unchanged();
}
