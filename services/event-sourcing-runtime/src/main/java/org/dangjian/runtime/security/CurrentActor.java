package org.dangjian.runtime.security;

import java.util.List;
import java.util.function.Supplier;

import org.dangjian.runtime.metadata.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor of the current request, from its validated access token: {@code sub}, the first of {@code roles}, and
 * {@code org}. Never from the request body.
 */
public final class CurrentActor implements Supplier<Actor> {

    @Override
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            List<String> roles = jwt.getClaimAsStringList("roles");
            String role = roles == null || roles.isEmpty() ? "NONE" : roles.get(0);
            return new Actor(jwt.getSubject(), role, jwt.getClaimAsString("org"));
        }
        throw new IllegalStateException("No authenticated caller: commands need an access token");
    }
}
