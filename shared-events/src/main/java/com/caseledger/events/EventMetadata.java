package com.caseledger.events;

/** The metadata keys every recorded event carries, for auditors. */
public final class EventMetadata {

    /**
     * Who did it: the signed-in user; {@code system} for what CaseLedger decides itself; for imported history, the
     * actor the import names ({@code X-Actor}), else the importing admin. Events recorded before sign-in existed
     * carry the {@code X-Actor} header of their time, or {@code anonymous}.
     */
    public static final String ACTOR = "actor";
    /** The signed-in user whose command caused the event (also when the actor is {@code system} or imported). */
    public static final String CAUSED_BY = "causedBy";
    /** On imported history only: the admin who imported it; the event records a decision taken elsewhere. */
    public static final String IMPORTED_BY = "importedBy";
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
