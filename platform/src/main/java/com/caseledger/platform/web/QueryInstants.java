package com.caseledger.platform.web;

import com.caseledger.events.StorableTime;

import java.time.Instant;

/** Refuses query instants that no stored record can match, before they reach the database. */
public final class QueryInstants {

    private QueryInstants() {
    }

    public static Instant storable(String field, Instant instant) {
        if (instant != null && !StorableTime.contains(instant)) {
            throw new InvalidInputException(field, StorableTime.describe());
        }
        return instant;
    }
}
