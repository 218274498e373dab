package com.caseledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A bearer token's user: the name from the configured claim, the roles from the configured (possibly nested) claim. */
final class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt settings;

    JwtUsers(SecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        Object name = token.getClaims().get(settings.nameClaim());
        return new JwtAuthenticationToken(token, roles(token.getClaims()),
                name == null ? token.getSubject() : String.valueOf(name));
    }

    private Collection<GrantedAuthority> roles(Map<String, Object> claims) {
        Object value = claims;
        for (String step : settings.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        List<Object> listed = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            listed.addAll(values);
        } else if (value instanceof String text) {
            listed.addAll(List.of(text.split("[\\s,]+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object entry : listed) {
            String role = String.valueOf(entry).toUpperCase(Locale.ROOT);
            role = role.startsWith("ROLE_") ? role.substring(5) : role;
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    authorities.add(new SimpleGrantedAuthority(known.authority()));
                }
            }
        }
        return authorities;
    }
}
