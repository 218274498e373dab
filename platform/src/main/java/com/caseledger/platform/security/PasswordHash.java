package com.caseledger.platform.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** Prints the hash of a password in the form {@code caseledger.security.users[].password} takes. */
public final class PasswordHash {

    private PasswordHash() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PasswordHash PASSWORD");
            System.exit(2);
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(args[0]));
    }
}
