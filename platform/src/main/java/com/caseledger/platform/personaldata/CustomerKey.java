package com.caseledger.platform.personaldata;

import javax.crypto.SecretKey;

/** One of a customer's keys; {@code secret} is null once the key was destroyed by an erasure. */
public record CustomerKey(String keyId, SecretKey secret) {

    public boolean destroyed() {
        return secret == null;
    }
}
