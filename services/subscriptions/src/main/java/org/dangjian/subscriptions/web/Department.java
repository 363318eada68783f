package org.dangjian.subscriptions.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The department calling, from its validated token: its client id (the token's subject, e.g. {@code renshi-department})
 * and its name (the token's {@code name}, e.g. 人事部门).
 */
record Department(String id, String name) {

    static Department current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            return new Department(jwt.getSubject(), jwt.getClaimAsString("name"));
        }
        return new Department(null, null);
    }
}
