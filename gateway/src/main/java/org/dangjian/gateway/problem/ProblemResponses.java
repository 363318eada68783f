package org.dangjian.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.dangjian.gateway.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem+json answers in the caller's language (Accept-Language; zh-CN unless {@code en} is
 * asked for): {@code type, title, status, detail, instance, code, correlationId}.
 */
@Component
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final MessageSource messages;
    private final JsonMapper json;

    public ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The problem for {@code code} with its default detail. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemCode code) {
        return write(exchange, code, null);
    }

    /**
     * The problem for {@code code}; {@code detailKey} picks another detail message than the code's default,
     * with {@code args} filled in.
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemCode code, String detailKey, Object... args) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            log.debug("Response already committed; cannot answer {}", code);
            return Mono.empty();
        }
        Locale locale = locale(exchange);
        String key = "problem." + code.name();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", messages.getMessage(key + ".title", null, code.status().getReasonPhrase(), locale));
        body.put("status", code.status().value());
        body.put("detail", messages.getMessage(detailKey != null ? detailKey : key + ".detail", args, null, locale));
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", code.name());
        body.put("correlationId", CorrelationIdFilter.correlationId(exchange));
        byte[] bytes = json.writeValueAsBytes(body);

        response.setStatusCode(HttpStatusCode.valueOf(code.status().value()));
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setContentLanguage(locale);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** The caller's language as the {@code localeContextResolver} chose it. */
    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null ? locale : Locale.SIMPLIFIED_CHINESE;
    }
}
