package org.dangjian.gateway.security;

import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 problem+json with a given code ({@code FORBIDDEN}, or {@code CSRF_TOKEN_INVALID} for the CSRF filter). */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponses problems;
    private final ProblemCode code;

    ProblemAccessDeniedHandler(ProblemResponses problems, ProblemCode code) {
        this.problems = problems;
        this.code = code;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, code);
    }
}
