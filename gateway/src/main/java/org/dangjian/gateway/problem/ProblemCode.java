package org.dangjian.gateway.problem;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * The error codes the gateway itself answers with (RFC 9457 problem+json, {@code code} member). Titles and
 * details are in {@code messages*.properties} under {@code problem.<CODE>.title} / {@code .detail}.
 */
public enum ProblemCode {

    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    CSRF_TOKEN_INVALID(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT);

    private static final String TYPE_PREFIX = "urn:dangjian:problem:";

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** {@code urn:dangjian:problem:<kebab-code>}. */
    public String type() {
        return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The code for a bare status (the first one listed for it); 4xx and 5xx without a code of their own fall back. */
    public static ProblemCode forStatus(int status) {
        return Arrays.stream(values())
                .filter(code -> code.status.value() == status)
                .findFirst()
                .orElse(status >= 500 ? INTERNAL_ERROR : BAD_REQUEST);
    }
}
