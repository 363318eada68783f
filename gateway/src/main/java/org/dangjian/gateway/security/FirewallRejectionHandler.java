package org.dangjian.gateway.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers what Spring Security's firewall ({@link StrictServerWebExchangeFirewall}, with its defaults) refuses, in
 * problem+json instead of its empty 400: a method the firewall does not allow (TRACE, CONNECT, any other) is
 * <b>405</b> {@code METHOD_NOT_ALLOWED} with {@code Allow}; anything else (an encoded {@code .} {@code /}
 * {@code \} {@code ;} or {@code %}, {@code %00} and other control characters, {@code //}, {@code ./}, {@code ../},
 * a header or parameter with characters that are not allowed) is <b>400</b> {@code REQUEST_REJECTED} with a detail
 * that says what to change.
 */
final class FirewallRejectionHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallRejectionHandler.class);

    /** The firewall's default allowed methods, in the order {@code Allow} lists them. */
    static final Set<HttpMethod> ALLOWED_METHODS = new LinkedHashSet<>(List.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS));

    private final ProblemResponses problems;

    FirewallRejectionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        HttpMethod method = exchange.getRequest().getMethod();
        log.debug("Firewall refused {} {}: {}", method, exchange.getRequest().getPath().value(), rejected.getMessage());
        if (!ALLOWED_METHODS.contains(method)) {
            exchange.getResponse().getHeaders().setAllow(ALLOWED_METHODS);
            return problems.write(exchange, ProblemCode.METHOD_NOT_ALLOWED, "problem.METHOD_NOT_ALLOWED.not-supported",
                    method.name());
        }
        return problems.write(exchange, ProblemCode.REQUEST_REJECTED, detailKey(rejected.getMessage()));
    }

    /**
     * Which part of the request was refused, from the firewall's message ("...because the URL...", "...the header
     * name...", "...the parameter...", "...the domain..."); the general detail when the message says none of these.
     */
    static String detailKey(String message) {
        if (message == null) {
            return null;
        }
        if (message.contains("URL")) {
            return "problem.REQUEST_REJECTED.path";
        }
        if (message.contains("header")) {
            return "problem.REQUEST_REJECTED.header";
        }
        if (message.contains("parameter")) {
            return "problem.REQUEST_REJECTED.parameter";
        }
        if (message.contains("domain")) {
            return "problem.REQUEST_REJECTED.host";
        }
        return null;
    }
}
