package org.dangjian.gateway.routes;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The forwarded headers a service receives are the gateway's own, never the client's. Services trust
 * {@code X-Forwarded-*} only because they come from the gateway (they build links and springdoc's server URL from
 * them), so whatever a client sent as {@code Forwarded} or {@code X-Forwarded-*} is dropped, and the gateway sets:
 * <ul>
 * <li>{@code X-Forwarded-For}: the client's address as the gateway sees it;</li>
 * <li>{@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port}: how the client addressed the
 * gateway (scheme, {@code Host} header, port);</li>
 * <li>{@code X-Forwarded-Prefix}: the part of the path the route stripped ({@code /api/<service>}).</li>
 * </ul>
 * No {@code Forwarded} header is sent: one set of headers, and Spring's {@code ForwardedHeaderFilter} would prefer
 * {@code Forwarded} to {@code X-Forwarded-*}.
 * <p>
 * Spring Cloud Gateway's own {@code XForwardedHeadersFilter} and {@code ForwardedHeadersFilter} are switched off
 * ({@code application.yml}): for a trusted peer they append to the client's values (so a service reading the
 * first value reads the client's), and for any other they send nothing, not even the prefix. With them off, its
 * {@code RemoveXForwardedHeadersFilter} and {@code RemoveForwardedHeadersFilter} run; this filter removes the same
 * headers again rather than depend on that. Behind a proxy of one's own, the gateway's view of the request comes
 * from that proxy's headers only when its address is in {@code trusted-proxies} ({@code docs/gateway.md}).
 */
@Component
public class ForwardedHeadersToServices implements HttpHeadersFilter, Ordered {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    public static final String X_FORWARDED_PORT = "X-Forwarded-Port";
    public static final String X_FORWARDED_PREFIX = "X-Forwarded-Prefix";

    private static final Set<String> CLIENT_HEADERS = Set.of("forwarded", "x-real-ip");

    /** After every other request headers filter, so that nothing appends to the gateway's values. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isForwardingHeader(name)) {
                headers.addAll(name, values);
            }
        });
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote != null) {
            headers.set(X_FORWARDED_FOR, remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
        }
        String scheme = uri.getScheme() != null ? uri.getScheme() : "http";
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        headers.set(X_FORWARDED_PROTO, scheme);
        if (uri.getHost() != null) {
            boolean defaultPort = uri.getPort() < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            headers.set(X_FORWARDED_HOST, defaultPort ? uri.getHost() : uri.getHost() + ":" + port);
        }
        headers.set(X_FORWARDED_PORT, Integer.toString(port));
        String prefix = strippedPrefix(exchange);
        if (prefix != null) {
            headers.set(X_FORWARDED_PREFIX, prefix);
        }
        return headers;
    }

    static boolean isForwardingHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-forwarded-") || CLIENT_HEADERS.contains(lower);
    }

    /**
     * The path the route took off: the request's path as the client sent it, less the path it goes to the service
     * with ({@code /api/organisation/units/1} to {@code /units/1}: {@code /api/organisation}); none when nothing was
     * stripped.
     */
    static String strippedPrefix(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI routed = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (originals == null || originals.isEmpty() || routed == null) {
            return null;
        }
        String original = withoutTrailingSlash(originals.iterator().next().getRawPath());
        String target = withoutTrailingSlash(routed.getRawPath());
        if (original.length() > target.length() && original.endsWith(target)) {
            String prefix = original.substring(0, original.length() - target.length());
            return prefix.startsWith("/") ? prefix : null;
        }
        return null;
    }

    private static String withoutTrailingSlash(String path) {
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
