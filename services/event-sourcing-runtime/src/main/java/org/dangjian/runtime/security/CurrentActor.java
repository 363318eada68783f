package org.dangjian.runtime.security;

import java.util.List;
import java.util.function.Function;

import org.dangjian.runtime.domain.RuleViolation;

import org.dangjian.runtime.metadata.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor of the current request, from its validated access token: {@code sub}, the role it acts in, and
 * {@code org}. Never from the request body. The role is the one the operation requires when the token holds it,
 * else the first of the token's {@code roles}.
 */
public final class CurrentActor implements Function<String, Actor> {

    @Override
    public Actor apply(String actingAs) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                throw RuleViolation.forbidden("TOKEN_WITHOUT_SUBJECT", "The access token names no subject, so its actions cannot be recorded");
            }
            List<String> roles = jwt.getClaimAsStringList("roles");
            String role = roles == null || roles.isEmpty() ? "NONE" : roles.contains(actingAs) ? actingAs : roles.get(0);
            return new Actor(jwt.getSubject(), role, jwt.getClaimAsString("org"));
        }
        throw new IllegalStateException("No authenticated caller: commands need an access token");
    }
}
