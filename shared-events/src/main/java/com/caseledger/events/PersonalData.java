package com.caseledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text of an event that may identify or describe the customer: the event store keeps it encrypted with the
 * customer's key, and once the customer is erased (the key destroyed) it reads as {@link #ERASED}. Identifiers, codes
 * and references are not personal data in this sense and stay in clear. Marking a field changes how its text is
 * stored, not the event's shape: a text recorded before it was marked is still read as it is, so no revision changes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an erased text reads as, everywhere: the history, the views, the state at an instant, the export. */
    String ERASED = "[erased]";
}
