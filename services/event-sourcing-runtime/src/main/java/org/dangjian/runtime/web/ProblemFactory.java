package org.dangjian.runtime.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.dangjian.runtime.metadata.EventMetadata;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the platform's RFC 9457 answers: {@code type} {@code urn:dangjian:problem:<code-in-kebab-case>}, a stable
 * {@code code}, the request's {@code correlationId}, and a title and detail a person can act on, in Chinese by
 * default or English ({@code Accept-Language: en}), from the bundles {@code problems} (the service's own) and
 * {@code dangjian-runtime-problems} under the keys {@code problem.<CODE>.title} and {@code problem.<CODE>.detail}.
 */
public final class ProblemFactory {

    public static final String TYPE_PREFIX = "urn:dangjian:problem:";

    private final MessageSource messages;

    public ProblemFactory() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("problems", "dangjian-runtime-problems");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        this.messages = source;
    }

    public ProblemDetail create(HttpStatusCode status, String code, String englishDetail, Object[] arguments, Locale locale, String path) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = messages.getMessage("problem." + code + ".title", null, known == null ? code : known.getReasonPhrase(), locale);
        String detail = messages.getMessage("problem." + code + ".detail", arguments, englishDetail, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        String correlationId = MDC.get(EventMetadata.CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    /** The problem as a flat JSON object, for writers outside Spring MVC (security filters). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
