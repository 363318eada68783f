package org.dangjian.runtime.domain;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request that a business rule refuses, with a stable error code that clients may rely on (for example
 * {@code UNIT_DISSOLVED}). The web layer turns it into RFC 9457 problem+json; the human-readable text comes from
 * the service's message bundle under {@code problem.<CODE>} (Chinese first, English for {@code Accept-Language: en}),
 * with {@link #arguments()} filled in. The exception's own message is the English text, for logs.
 *
 * <p>Free of Spring and Axon so that aggregates and policies can throw it.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind {
        /** 400: the request itself is wrong. */
        INVALID,
        /** 404: it names something that does not exist. */
        NOT_FOUND,
        /** 409: it conflicts with the current state. */
        CONFLICT,
        /** 403: the caller may not do this to this record. */
        FORBIDDEN,
        /** 422: well-formed, but cannot be processed as sent (e.g. an idempotency key reused for another request). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String code;
    private final transient Object[] arguments;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();

    public RuleViolation(Kind kind, String code, String englishMessage, Object... arguments) {
        this(kind, code, MessageFormat.format(englishMessage.replace("'", "''"), arguments), arguments.clone(), true);
    }

    private RuleViolation(Kind kind, String code, String message, Object[] arguments, boolean formatted) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.code = requireCode(code);
        this.arguments = arguments;
    }

    /** A violation recorded earlier (its message already formatted), e.g. the stored answer to a repeated request. */
    public static RuleViolation restore(Kind kind, String code, String message, Object... arguments) {
        return new RuleViolation(kind, code, message, arguments.clone(), true);
    }

    public static RuleViolation invalid(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(Kind.INVALID, code, englishMessage, arguments);
    }

    public static RuleViolation notFound(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(Kind.NOT_FOUND, code, englishMessage, arguments);
    }

    public static RuleViolation conflict(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(Kind.CONFLICT, code, englishMessage, arguments);
    }

    public static RuleViolation forbidden(String code, String englishMessage, Object... arguments) {
        return new RuleViolation(Kind.FORBIDDEN, code, englishMessage, arguments);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable error code, UPPER_SNAKE_CASE. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /**
     * This violation with a further member of its problem+json answer (e.g. {@code line}: the line of a text that
     * could not be read), for a client to act on without parsing the text. Not one of the standard members (type,
     * title, status, detail, instance, code, correlationId). The stored answer to a repeated request keeps the code and
     * text, not these members.
     */
    public RuleViolation with(String name, Object value) {
        if (Set.of("type", "title", "status", "detail", "instance", "code", "correlationId").contains(name)) {
            throw new IllegalArgumentException("A problem's standard member: " + name);
        }
        properties.put(name, value);
        return this;
    }

    /** The further members of its problem+json answer ({@link #with}). */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    private static String requireCode(String code) {
        if (code == null || !code.equals(code.toUpperCase(Locale.ROOT)) || !code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("Error codes are UPPER_SNAKE_CASE: " + code);
        }
        return code;
    }
}
