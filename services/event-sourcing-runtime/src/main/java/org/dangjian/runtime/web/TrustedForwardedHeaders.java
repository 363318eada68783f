package org.dangjian.runtime.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Forwarded} and {@code X-Forwarded-*} (host, port, scheme, prefix, client address) are taken from the gateway
 * only: from a client whose address matches {@code dangjian.web.trusted-proxies} (a regular expression; the
 * embedded default: loopback, where the gateway runs) they are applied, as Spring's {@link ForwardedHeaderFilter}
 * does; from anyone else they are removed before anything reads them, so no caller can rewrite the URLs a service
 * writes (the OpenAPI document's server, {@code Location}).
 */
public final class TrustedForwardedHeaders extends OncePerRequestFilter {

    private final Pattern trusted;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    public TrustedForwardedHeaders(String trustedProxies) {
        this.trusted = Pattern.compile(trustedProxies);
        this.remove.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        (address != null && trusted.matcher(address).matches() ? apply : remove).doFilter(request, response, chain);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
