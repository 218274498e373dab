package com.caseledger.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.Arrays;

import static com.caseledger.platform.security.Role.ADMIN;
import static com.caseledger.platform.security.Role.AGENT;
import static com.caseledger.platform.security.Role.ANALYST;
import static com.caseledger.platform.security.Role.AUDITOR;
import static com.caseledger.platform.security.Role.SUPERVISOR;

/**
 * Which role may call which endpoint, for every node whichever side it runs (the README's matrix). Rules are read
 * top down, the first that matches decides; a path no rule names is for ADMIN. Rules that depend on a request's
 * body (an import with {@code occurredAt}, a reply on someone's behalf, four eyes on an approval) are the command
 * side's.
 */
final class AccessRules {

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/customers/*/erase").hasAnyRole(names(ADMIN))
                .requestMatchers("/api/admin/sla/**").hasAnyRole(names(SUPERVISOR, ADMIN))
                .requestMatchers("/api/admin/**").hasAnyRole(names(ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/cases/*/refunds/*/approve", "/api/cases/*/refunds/*/reject",
                        "/api/cases/*/escalate").hasAnyRole(names(SUPERVISOR, ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/**").hasAnyRole(names(AGENT, SUPERVISOR, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole(names(SUPERVISOR, ANALYST, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/events").hasAnyRole(names(AUDITOR, ANALYST, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/cases/*/verify").hasAnyRole(names(AUDITOR, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**", "/api/follow-ups")
                .hasAnyRole(names(AGENT, SUPERVISOR, AUDITOR, ADMIN))
                .anyRequest().hasAnyRole(names(ADMIN));
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
