package com.caseledger.events;

/** Where a customer contact came in. */
public enum Channel {
    EMAIL, PHONE, CHAT, WEB, SOCIAL, SMS, FORUM
}
