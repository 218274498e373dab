package com.caseledger.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.EnumSet;
import java.util.Set;

/** Who sent the request being handled, as sign-in established it. */
public record SignedInUser(String name, Set<Role> roles) {

    /** The user of the current request; a request reaches a controller only signed in. */
    public static SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No user is signed in");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new SignedInUser(authentication.getName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
