package org.dangjian.gateway.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logout's redirect to the identity provider, for both kinds of caller: a form post gets the usual 302; a
 * script ({@code fetch} with {@code Accept: application/json}, as the web client sends it together with its
 * CSRF header) gets 200 {@code {"redirect": "<url>"}} and navigates itself, since a script cannot follow a
 * cross-origin redirect to a page.
 */
final class ScriptAwareRedirectStrategy implements ServerRedirectStrategy {

    private final ServerRedirectStrategy browser = new DefaultServerRedirectStrategy();
    private final JsonMapper json;

    ScriptAwareRedirectStrategy(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        if (!wantsJson(exchange)) {
            return browser.sendRedirect(exchange, location);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body = json.writeValueAsString(Map.of("redirect", location.toString())).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static boolean wantsJson(ServerWebExchange exchange) {
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType())
                && accepted.stream().noneMatch(type -> type.includes(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
