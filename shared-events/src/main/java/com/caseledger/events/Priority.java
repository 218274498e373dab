package com.caseledger.events;

/** How urgently a case must be worked. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
