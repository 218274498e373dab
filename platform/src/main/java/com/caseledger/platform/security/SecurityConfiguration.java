package com.caseledger.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Arrays;
import java.util.List;

/**
 * Sign-in for every node: HTTP Basic with the configured users (or the development users), or bearer JWTs when an
 * issuer or key set is configured (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} makes the
 * decoder). Stateless: every request signs in. Health and the API document stay open; {@link AccessRules} decides
 * the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String BASIC_CHALLENGE = "Basic realm=\"CaseLedger\"";
    static final String BEARER_CHALLENGE = "Bearer";

    @Bean
    SecurityFilterChain caseLedgerSecurity(HttpSecurity http, SecuritySettings settings,
                                           ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        boolean basic = !bearer || !settings.developmentUsers();
        ProblemAnswers answers = new ProblemAnswers(bearer ? BEARER_CHALLENGE : BASIC_CHALLENGE);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .authorizeHttpRequests(AccessRules::apply);
        if (basic) {
            http.authenticationProvider(new CachedCredentials(passwordSignIn(settings), settings.credentialCacheTime()))
                    .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(answers));
        }
        if (bearer) {
            http.oauth2ResourceServer(tokens -> tokens
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtUsers(settings.jwt())))
                    .authenticationEntryPoint(answers)
                    .accessDeniedHandler(answers));
            log.info("Sign-in: bearer JWTs{}", basic ? ", and HTTP Basic for the configured users" : "");
        }
        return http.build();
    }

    /**
     * No Micrometer observation around each of Spring Security's filters: on every request they cost more than the
     * sign-in itself. Requests are still measured as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall, with two refusals left to CaseLedger's own rules, which answer them naming the path
     * segment or header: an encoded line break in a path, and a control character in a header value.
     */
    @Bean
    HttpFirewall caseLedgerFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedCarriageReturn(true);
        firewall.setAllowUrlEncodedLineFeed(true);
        firewall.setAllowUrlEncodedLineSeparator(true);
        firewall.setAllowUrlEncodedParagraphSeparator(true);
        firewall.setAllowedHeaderValues(value -> value.indexOf('\0') < 0);
        return firewall;
    }

    private static DaoAuthenticationProvider passwordSignIn(SecuritySettings settings) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> users;
        if (settings.developmentUsers()) {
            log.warn("Signing in with the development users agent, supervisor, auditor, analyst and admin, each with "
                    + "its own name as password: configure caseledger.security.users (or a JWT issuer) before real use");
            users = Arrays.stream(Role.values())
                    .map(role -> developmentUser(role, encoder))
                    .toList();
        } else {
            users = settings.users().stream()
                    .map(user -> User.withUsername(user.name()).password(user.password())
                            .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new)).build())
                    .toList();
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private static UserDetails developmentUser(Role role, PasswordEncoder encoder) {
        String name = role.name().toLowerCase(java.util.Locale.ROOT);
        return User.withUsername(name).password(encoder.encode(name)).authorities(role.authority()).build();
    }
}
