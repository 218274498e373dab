package com.caseledger.events;

/**
 * What kind of matter the customer brought: a question, a complaint, or a suggestion (feedback that is neither: an
 * idea for the shop, praise, a wish). Only a complaint counts towards the complaint rate and gets the automatic
 * follow-up call. New kinds are added at the end.
 */
public enum CaseType {
    INQUIRY, COMPLAINT, SUGGESTION
}
