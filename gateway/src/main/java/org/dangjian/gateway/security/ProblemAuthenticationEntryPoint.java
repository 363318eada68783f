package org.dangjian.gateway.security;

import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 problem+json {@code UNAUTHENTICATED} for API callers (never a redirect), with the
 * {@code WWW-Authenticate: Bearer} challenge of RFC 6750. A token issued for another audience is told apart from an
 * invalid or expired one.
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
            detail = wrongAudience(ex) ? "problem.UNAUTHENTICATED.wrong-audience" : "problem.UNAUTHENTICATED.invalid-token";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, ProblemCode.UNAUTHENTICATED, detail);
    }

    /** A token that is fine but for another audience: say so, since signing in again will not help. */
    private static boolean wrongAudience(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().anyMatch(error -> error.getDescription() != null
                        && error.getDescription().startsWith(SecurityConfiguration.WRONG_AUDIENCE));
            }
        }
        return false;
    }
}
