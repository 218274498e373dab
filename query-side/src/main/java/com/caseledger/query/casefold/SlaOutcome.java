package com.caseledger.query.casefold;

/**
 * The outcome on record for an SLA target: met by its due instant, or breached (its due instant passed unmet). The
 * latest outcome of a target counts: a resolution target met before a reopen can be breached after it.
 */
public enum SlaOutcome {
    MET, BREACHED
}
