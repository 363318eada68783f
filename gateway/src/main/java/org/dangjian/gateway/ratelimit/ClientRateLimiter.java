package org.dangjian.gateway.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.dangjian.gateway.config.GatewayLimitsProperties;
import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code RequestRateLimiter} filter's limiter: one Bucket4j token bucket per client, shared by all
 * routes, held in memory. A bucket left alone for as long as it takes to refill completely is
 * indistinguishable from a new one, so buckets expire after that idle time; at most
 * {@code max-clients} are kept.
 * <p>
 * Spring Cloud Gateway ships a {@code Bucket4jRateLimiter} too, but it needs a distributed proxy manager,
 * takes its settings only from each route's filter arguments (none for default filters), and cannot say
 * when to retry; this one answers {@code Retry-After}.
 */
@Component
public class ClientRateLimiter extends AbstractRateLimiter<Object> {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final String LIMIT_HEADER = "X-RateLimit-Limit";

    private final GatewayLimitsProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(GatewayLimitsProperties properties) {
        // the limit is the same for every route: no per-route configuration to bind
        super(Object.class, "client-rate-limiter", null);
        this.limit = properties.rateLimit();
        long secondsToFill = Math.max(1, (limit.capacity() + limit.refillPerSecond() - 1) / limit.refillPerSecond());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limit.maxClients())
                .expireAfterAccess(Duration.ofSeconds(secondsToFill))
                .build();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String clientKey) {
        ConsumptionProbe probe = buckets.get(clientKey, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        Map<String, String> headers = new HashMap<>();
        headers.put(LIMIT_HEADER, Long.toString(limit.capacity()));
        headers.put(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return Mono.just(new Response(probe.isConsumed(), headers));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity())
                        .refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
