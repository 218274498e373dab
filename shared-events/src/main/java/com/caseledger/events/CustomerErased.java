package com.caseledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A customer's personal data was erased: the keys of their text were destroyed, so every text recorded for them so
 * far reads as {@link PersonalData#ERASED}. Text recorded later uses a new key. {@code keysDestroyed} is 0 when there
 * was nothing left to erase.
 */
@Revision("1")
public record CustomerErased(String customerId, int keysDestroyed, Instant occurredAt) {
}
