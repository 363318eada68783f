package org.dangjian.gateway.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.netty.handler.timeout.ReadTimeoutException;
import org.dangjian.gateway.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns every error that reaches the web layer into problem+json: a service that cannot be reached is a
 * 503 {@code SERVICE_UNAVAILABLE}, one that does not answer in time a 504 {@code GATEWAY_TIMEOUT}, never a
 * bare 500. Runs before Boot's own error handler (order -1).
 */
@Component
@Order(-2)
public class GatewayExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final ProblemResponses problems;

    public GatewayExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemCode code = classify(ex);
        // exception handlers run outside the filter chain's Reactor context: put the id into the MDC by hand
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIdFilter.MDC_KEY, CorrelationIdFilter.correlationId(exchange))) {
            String path = exchange.getRequest().getPath().value();
            if (code == ProblemCode.INTERNAL_ERROR) {
                log.error("{} {} failed", exchange.getRequest().getMethod(), path, ex);
            } else if (code.status().is5xxServerError()) {
                log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), path, code, describe(ex));
            } else {
                log.debug("{} {} answered {}: {}", exchange.getRequest().getMethod(), path, code, describe(ex));
            }
        }
        return problems.write(exchange, code);
    }

    /**
     * The code for an error, looking through its causes (retries, Reactor and Spring Security wrap the
     * original): an unreachable or slow peer anywhere in the chain decides first, so that, say, an identity
     * provider that cannot be reached for its keys is a 503 and not the caller's 401.
     */
    static ProblemCode classify(Throwable ex) {
        ProblemCode peer = firstInChain(ex, GatewayExceptionHandler::peerFailure);
        if (peer != null) {
            return peer;
        }
        ProblemCode other = firstInChain(ex, GatewayExceptionHandler::requestFailure);
        return other != null ? other : ProblemCode.INTERNAL_ERROR;
    }

    private static ProblemCode firstInChain(Throwable ex, Function<Throwable, ProblemCode> classifier) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 20; t = t.getCause(), depth++) {
            ProblemCode code = classifier.apply(t);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static ProblemCode peerFailure(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
            return ProblemCode.SERVICE_UNAVAILABLE;
        }
        if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
            return ProblemCode.GATEWAY_TIMEOUT;
        }
        if (t instanceof PrematureCloseException) {
            return ProblemCode.BAD_GATEWAY;
        }
        return null;
    }

    private static ProblemCode requestFailure(Throwable t) {
        if (t instanceof DataBufferLimitException) {
            return ProblemCode.PAYLOAD_TOO_LARGE;
        }
        if (t instanceof AuthenticationException || t instanceof OAuth2AuthorizationException) {
            // e.g. the session's refresh token has expired: the user must log in again
            return ProblemCode.UNAUTHENTICATED;
        }
        if (t instanceof AccessDeniedException) {
            return ProblemCode.FORBIDDEN;
        }
        if (t instanceof ServerExchangeRejectedException) {
            // the firewall's lazy header checks, should one fail outside Spring Security's own handler
            return ProblemCode.REQUEST_REJECTED;
        }
        if (t instanceof ErrorResponse response) {
            // ResponseStatusException and friends: 404 for unknown paths, 405, 413, 415, and the gateway's own 503/504
            return ProblemCode.forStatus(response.getStatusCode().value());
        }
        if (t instanceof HttpStatusCodeException response) {
            // RequestRateLimiter with throw-on-limit answers 429 this way
            return ProblemCode.forStatus(response.getStatusCode().value());
        }
        return null;
    }

    private static String describe(Throwable ex) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 20 && text.length() < 500; t = t.getCause(), depth++) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
