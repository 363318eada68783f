package org.dangjian.gateway.security;

import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 problem+json {@code UNAUTHENTICATED} for API callers (never a redirect), with the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge = "Bearer";
        String detail = null;
        if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
            if (error.getDescription() != null) {
                challenge += ", error_description=\"" + error.getDescription().replace('"', '\'') + "\"";
            }
            detail = "problem.UNAUTHENTICATED.invalid-token";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, ProblemCode.UNAUTHENTICATED, detail);
    }
}
