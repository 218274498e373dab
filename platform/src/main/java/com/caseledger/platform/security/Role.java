package com.caseledger.platform.security;

/**
 * What a signed-in user may do (the matrix is {@link AccessRules}): agents work cases, supervisors also decide
 * after-sales requests, escalate and read reports, auditors and analysts only read, an admin may do everything and
 * alone imports history and administers projections and erasure.
 */
public enum Role {
    AGENT, SUPERVISOR, AUDITOR, ANALYST, ADMIN;

    /** The authority Spring Security checks for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
