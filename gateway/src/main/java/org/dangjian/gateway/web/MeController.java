package org.dangjian.gateway.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is calling, from the browser session or the bearer token. Without either, Spring
 * Security answers 401 {@code UNAUTHENTICATED} before this runs.
 */
@RestController
public class MeController {

    /** The caller as the web client shows them (当前用户). */
    public record CurrentUser(String username, String name, List<String> roles, String org) {
    }

    @GetMapping("/api/me")
    public CurrentUser me(Authentication authentication) {
        Map<String, Object> claims = claims(authentication);
        String username = text(claims.get(StandardClaimNames.PREFERRED_USERNAME));
        if (username == null) {
            username = authentication.getName();
        }
        String name = text(claims.get(StandardClaimNames.NAME));
        return new CurrentUser(username, name != null ? name : username, roles(claims.get("roles")), text(claims.get("org")));
    }

    private static Map<String, Object> claims(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaims();
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return user.getClaims();
        }
        return Map.of();
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.trim().split("[\\s,]+"));
        }
        return List.of();
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }
}
