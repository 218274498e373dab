package com.caseledger.query.casefold;

/**
 * Where an SLA target stands for a reader: its clock runs and it is not yet due (ACTIVE), its clock stands still short
 * of the target (PAUSED: the case is PENDING, or resolved while a reply was owed), it was met by its due instant (MET),
 * or its due instant passed before it was met (BREACHED).
 */
public enum SlaStatus {
    ACTIVE, PAUSED, MET, BREACHED
}
