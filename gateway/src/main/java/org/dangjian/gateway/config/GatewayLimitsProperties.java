package org.dangjian.gateway.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings: request size, rate limits, cross-origin web clients.
 *
 * @param maxRequestSize the largest request body accepted (413 above it)
 * @param rateLimit      the token bucket every client gets
 * @param cors           other origins whose web clients may call the API
 */
@ConfigurationProperties("dangjian.gateway")
public record GatewayLimitsProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors) {

    /**
     * One token bucket per client (the token's {@code sub}, else the client's IP address). The defaults are sized so
     * that a busy user's web clients never meet them; what they stop is one client taking more than the embedded
     * default can serve (benchmarks/README.md).
     *
     * @param capacity        burst size: requests a client may make at once
     * @param refillPerSecond tokens added back per second (the sustained rate)
     * @param maxClients      how many clients' buckets are kept in memory at most
     */
    public record RateLimit(
            @DefaultValue("1000") long capacity,
            @DefaultValue("500") long refillPerSecond,
            @DefaultValue("100000") long maxClients) {

        public RateLimit {
            if (capacity < 1 || refillPerSecond < 1 || maxClients < 1) {
                throw new IllegalArgumentException("dangjian.gateway.rate-limit values must be positive");
            }
        }
    }

    /** @param allowedOrigins origins (patterns such as {@code https://*.example.org} allowed); empty = same origin only */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
