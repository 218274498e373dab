package com.caseledger.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Sign-in. Without {@code users}, and without a JWT issuer, the development users of the HTTP contract sign in
 * (one per role, password equal to the name), with a warning at start. With
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) requests carry bearer
 * tokens instead, and configured users (if any) may still sign in with HTTP Basic.
 *
 * @param users               the users who sign in with HTTP Basic; each password a hash with its encoder's id,
 *                            such as {@code {bcrypt}$2a$10$...}
 * @param jwt                 where a bearer token names its user and roles
 * @param credentialCacheTime how long a verified name and password are remembered (as a keyed digest, never the
 *                            password), so that a client's every request does not pay for a password hash again
 */
@ConfigurationProperties("caseledger.security")
@Validated
public record SecuritySettings(List<@Valid User> users, @DefaultValue @Valid Jwt jwt,
                               @DefaultValue("5m") Duration credentialCacheTime) {

    public SecuritySettings {
        if (users != null) {
            users.forEach(User::requireHashedPassword);
            long distinct = users.stream().map(User::name).distinct().count();
            if (distinct != users.size()) {
                throw new IllegalArgumentException("caseledger.security.users names a user twice");
            }
        }
        if (credentialCacheTime.isNegative()) {
            throw new IllegalArgumentException("caseledger.security.credential-cache-time must not be negative");
        }
    }

    /** Whether the development users sign in: no user list is configured. */
    public boolean developmentUsers() {
        return users == null;
    }

    /**
     * One user of HTTP Basic sign-in.
     *
     * @param name     the name events record as the actor
     * @param password the password's hash, prefixed by its encoder's id: {@code {bcrypt}...} (see the README for
     *                 making one)
     * @param roles    one or more of AGENT, SUPERVISOR, AUDITOR, ANALYST, ADMIN
     */
    public record User(@NotBlank String name, @NotBlank String password, @NotEmpty Set<Role> roles) {

        void requireHashedPassword() {
            if (!password.startsWith("{") || password.startsWith("{noop}")) {
                throw new IllegalArgumentException("caseledger.security.users: the password of " + name
                        + " must be a hash with its encoder's id, such as {bcrypt}$2a$10$...; plain passwords are refused");
            }
        }
    }

    /**
     * Bearer tokens (when a JWT issuer or key set is configured).
     *
     * @param nameClaim  the claim that names the user (recorded as the actor)
     * @param rolesClaim the claim that lists the user's roles; a dotted path reaches into nested claims
     *                   ({@code realm_access.roles}); values are matched to the roles ignoring case and a
     *                   {@code ROLE_} prefix, others are ignored
     */
    public record Jwt(@DefaultValue("sub") @NotBlank String nameClaim, @DefaultValue("roles") @NotBlank String rolesClaim) {
    }
}
