package org.dangjian.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import org.dangjian.gateway.config.GatewayLimitsProperties;
import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than {@code dangjian.gateway.max-request-size} with 413 problem+json
 * {@code PAYLOAD_TOO_LARGE}: at once when Content-Length says so, and while streaming when a chunked body
 * grows past the limit. (Spring Cloud Gateway's {@code RequestSize} filter only reads Content-Length, only on
 * routes, and answers with an empty body.) Runs after Spring Security (order -100), so that a refused
 * cross-origin request still carries its CORS headers.
 */
@Component
@Order(0)
public class RequestSizeLimitFilter implements WebFilter {

    private final long limit;
    private final String limitText;
    private final ProblemResponses problems;

    public RequestSizeLimitFilter(GatewayLimitsProperties properties, ProblemResponses problems) {
        this.limit = properties.maxRequestSize().toBytes();
        this.limitText = readable(properties.maxRequestSize());
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, ProblemCode.PAYLOAD_TOO_LARGE, "problem.PAYLOAD_TOO_LARGE.limit", limitText);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong total = new AtomicLong();
                    return super.getBody().map(buffer -> {
                        if (total.addAndGet(buffer.readableByteCount()) > limit) {
                            DataBufferUtils.release(buffer);
                            throw new PayloadTooLargeException(null);
                        }
                        return buffer;
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    /** "1 MB", "4 KB", "100 B". */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes > 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " B";
    }
}
