package com.caseledger.events;

/** The metadata keys every recorded event carries, for auditors. */
public final class EventMetadata {

    /** Who asked for the change: the {@code X-Actor} request header, else {@code anonymous}. */
    public static final String ACTOR = "actor";
    /** Ties together everything one client request (or conversation of requests) caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The message that directly caused this one: for a case event, the command's identifier. */
    public static final String CAUSATION_ID = "causationId";

    public static final String ANONYMOUS = "anonymous";
    /** The actor of what CaseLedger decides itself: an automatic approval, an automatic follow-up call. */
    public static final String SYSTEM = "system";

    private EventMetadata() {
    }
}
