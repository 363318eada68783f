package org.dangjian.gateway.problem;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service's error answer (4xx, 5xx) that is not problem+json, such as a servlet container's HTML error page for a
 * request it could not parse, or an empty 401, becomes a problem+json answer of the same status: a 5xx
 * {@code UPSTREAM_ERROR}, a 4xx the code for its status ({@code NOT_FOUND}, {@code UNAUTHENTICATED}, ...) or else
 * {@code INVALID_REQUEST} ({@link ProblemCode#forServiceStatus(int)}). The service's other headers stay (e.g.
 * {@code WWW-Authenticate}); its body is read and dropped. Problem answers, and every 1xx-3xx, pass unchanged.
 * <p>
 * Every error a client sees from the platform is then problem+json, even when a service's own error handling is
 * bypassed (its servlet container answers before the application does).
 */
@Component
public class ServiceErrorProblemFilter implements GlobalFilter, Ordered {

    /** Before {@link NettyWriteResponseFilter}, which writes the service's body to the response this filter wraps. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    private static final Logger log = LoggerFactory.getLogger(ServiceErrorProblemFilter.class);

    private final ProblemResponses problems;

    public ServiceErrorProblemFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {

            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                HttpStatusCode status = getStatusCode();
                if (!needsProblem(status, getHeaders().getContentType())) {
                    return super.writeWith(body);
                }
                return replace(exchange, getDelegate(), status, body);
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                HttpStatusCode status = getStatusCode();
                if (!needsProblem(status, getHeaders().getContentType())) {
                    return super.writeAndFlushWith(body);
                }
                return replace(exchange, getDelegate(), status, Flux.from(body).concatMap(Flux::from));
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    static boolean needsProblem(HttpStatusCode status, MediaType contentType) {
        return status != null && (status.is4xxClientError() || status.is5xxServerError())
                && (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(contentType));
    }

    private Mono<Void> replace(ServerWebExchange exchange, ServerHttpResponse response, HttpStatusCode status,
            Publisher<? extends DataBuffer> serviceBody) {
        ProblemCode code = ProblemCode.forServiceStatus(status.value());
        if (code == ProblemCode.UPSTREAM_ERROR) {
            log.warn("{} {}: the service answered {} without a problem body; answering {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status.value(), code);
        } else {
            log.debug("{} {}: the service answered {} without a problem body; answering {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status.value(), code);
        }
        // read the service's body to its end, so that its connection goes back to the pool
        return Flux.from(serviceBody)
                .doOnNext(DataBufferUtils::release)
                .then(Mono.defer(() -> code == ProblemCode.UPSTREAM_ERROR
                        ? problems.write(exchange, response, status, code, "problem.UPSTREAM_ERROR.status", status.value())
                        : problems.write(exchange, response, status, code, null)));
    }
}
