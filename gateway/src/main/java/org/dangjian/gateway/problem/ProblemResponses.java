package org.dangjian.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.dangjian.gateway.config.LocaleConfiguration;
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
        return write(exchange, exchange.getResponse(), code.status(), code, detailKey, args);
    }

    /**
     * The problem for {@code code} with another status than the code's own (a service's error answer keeps its
     * status), written to {@code response} (the exchange's, or the one a decorator wraps).
     */
    public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatusCode status, ProblemCode code,
            String detailKey, Object... args) {
        if (response.isCommitted()) {
            log.debug("Response already committed; cannot answer {}", code);
            return Mono.empty();
        }
        Locale locale = locale(exchange);
        byte[] bytes = render(code, status, locale, exchange.getRequest().getPath().value(),
                CorrelationIdFilter.correlationId(exchange), detailKey, args);

        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setContentLanguage(locale);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * The problem's JSON: {@code type, title, status, detail, instance, code, correlationId}, in {@code locale}.
     * {@code instance} is left out when null (the HTTP server could not read the request's path).
     */
    public byte[] render(ProblemCode code, HttpStatusCode status, Locale locale, String instance, String correlationId,
            String detailKey, Object... args) {
        String key = "problem." + code.name();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", messages.getMessage(key + ".title", null, code.status().getReasonPhrase(), locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage(detailKey != null ? detailKey : key + ".detail", args, null, locale));
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        body.put("correlationId", correlationId);
        return json.writeValueAsBytes(body);
    }

    /** The caller's language as the {@code localeContextResolver} chose it. */
    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null ? locale : LocaleConfiguration.DEFAULT;
    }
}
