package org.dangjian.gateway.problem;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * The error codes the gateway itself answers with (RFC 9457 problem+json, {@code code} member). Titles and
 * details are in {@code messages*.properties} under {@code problem.<CODE>.title} / {@code .detail}. The status is
 * the code's own, except for a service's error answer that the gateway turns into a problem: that keeps the
 * service's status ({@link #forServiceStatus(int)}).
 */
public enum ProblemCode {

    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    /** A service refused the request with a 4xx of its own that was not problem+json. */
    INVALID_REQUEST(HttpStatus.BAD_REQUEST),
    /** Spring Security's firewall refused the request (encoded or unnormalised path, bad header or parameter). */
    REQUEST_REJECTED(HttpStatus.BAD_REQUEST),
    /** The HTTP server could not decode the request line or headers. */
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    CSRF_TOKEN_INVALID(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT),
    /** A service failed with a 5xx that was not problem+json; the answer keeps the service's status. */
    UPSTREAM_ERROR(HttpStatus.BAD_GATEWAY);

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

    /**
     * The code for a service's error answer that is not problem+json (the answer keeps the service's status): 5xx
     * {@code UPSTREAM_ERROR}, a 4xx with a code of its own that code ({@code NOT_FOUND}, {@code UNAUTHENTICATED}, ...),
     * any other 4xx {@code INVALID_REQUEST}, as the services themselves name a bare 4xx.
     */
    public static ProblemCode forServiceStatus(int status) {
        if (status >= 500) {
            return UPSTREAM_ERROR;
        }
        ProblemCode code = forStatus(status);
        return code == BAD_REQUEST || code.status.value() != status ? INVALID_REQUEST : code;
    }
}
