package com.caseledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers a successful HTTP Basic sign-in for a while, so that a client sending the same name and password with
 * every request pays for the password hash (bcrypt, some tens of milliseconds) once, not every time. What it keeps
 * is the name with an HMAC of the password under a key made at start and held only in memory; a wrong password
 * never matches, and a failed sign-in is never remembered.
 */
final class CachedCredentials implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider verifier;
    private final Cache<String, Authentication> verified;
    private final SecretKeySpec key;
    /** One MAC a thread: looking one up costs more than the digest itself. */
    private final ThreadLocal<Mac> macs;

    CachedCredentials(AuthenticationProvider verifier, Duration keepFor) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(MAX_ENTRIES).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        });
    }


    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt.getCredentials() instanceof String password)) {
            return verifier.authenticate(attempt);
        }
        String entry = attempt.getName() + '\u0000' + digest(password);
        Authentication known = verified.getIfPresent(entry);
        if (known != null) {
            return known;
        }
        Authentication result = verifier.authenticate(attempt);
        if (result != null && result.isAuthenticated()) {
            verified.put(entry, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String password) {
        return Base64.getEncoder().encodeToString(macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }
}
