package com.caseledger.command.customers;

import java.time.Instant;

/** What an erasure did: how many of the customer's keys it destroyed (0 when nothing was left to erase). */
public record ErasureResult(String customerId, int keysDestroyed, Instant erasedAt) {
}
