package com.caseledger.events;

/** A customer's expectation (E) and perception (P) of one SERVQUAL dimension, each 1..7; the gap is P - E. */
public record ServqualRating(int expectation, int perception) {

    public static final int MIN = 1;
    public static final int MAX = 7;

    public ServqualRating {
        if (expectation < MIN || expectation > MAX) {
            throw new IllegalArgumentException("expectation must be between 1 and 7, not " + expectation);
        }
        if (perception < MIN || perception > MAX) {
            throw new IllegalArgumentException("perception must be between 1 and 7, not " + perception);
        }
    }
}
