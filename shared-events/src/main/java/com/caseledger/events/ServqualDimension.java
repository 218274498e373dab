package com.caseledger.events;

/** The five SERVQUAL dimensions (Parasuraman, Zeithaml and Berry, 1988). */
public enum ServqualDimension {
    TANGIBLES, RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY
}
